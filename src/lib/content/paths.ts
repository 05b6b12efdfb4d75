import { join } from 'node:path';

/** The content folder; CONTENT_DIR lets tests and the benchmark build other content with the same code. */
export const contentDir = process.env.CONTENT_DIR || 'content';

/** `<content>/papers/<slug>.md`: one paper, front matter and abstract. */
export const PAPERS_DIR = 'papers';
export const PAPER_EXTENSION = '.md';
/** `<content>/digests/YYYY-MM-DD.yaml`: one day's papers. */
export const DIGESTS_DIR = 'digests';
export const DIGEST_EXTENSION = '.yaml';
/** `<content>/topics.yaml`: the curated taxonomy. */
export const TAXONOMY_FILE_NAME = 'topics.yaml';

/** `<content>/topic-model.json`: what the taxonomy's rules mean to a reader, learned (src/lib/topic-model.ts). */
export const TOPIC_MODEL_FILE_NAME = 'topic-model.json';

/** The topic taxonomy: the topics collection, and the input of the topics the paper loader caches. */
export const taxonomyFile = `${contentDir}/${TAXONOMY_FILE_NAME}`;
/** The topic model trained for that taxonomy; optional (without it the rules alone assign topics). */
export const topicModelFile = `${contentDir}/${TOPIC_MODEL_FILE_NAME}`;

/** A paper's file, relative to the content folder. */
export const paperFile = (slug: string): string => join(PAPERS_DIR, `${slug}${PAPER_EXTENSION}`);
/** A digest's file, relative to the content folder. */
export const digestFile = (date: string): string => join(DIGESTS_DIR, `${date}${DIGEST_EXTENSION}`);

/** The slug a paper file name gives: `a-paper.md` → `a-paper`; undefined for other files. */
export const slugOfPaperFile = (name: string): string | undefined =>
  name.endsWith(PAPER_EXTENSION) ? name.split('/').at(-1)!.slice(0, -PAPER_EXTENSION.length) : undefined;
/** The day a digest file name gives: `2026-03-14.yaml` → `2026-03-14`; undefined for other files. */
export const dateOfDigestFile = (name: string): string | undefined =>
  name.endsWith(DIGEST_EXTENSION) ? name.split('/').at(-1)!.slice(0, -DIGEST_EXTENSION.length) : undefined;
