import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { readTopicModel, readTopics, taggerFor } from '#/lib/content/taxonomy.ts';
import type { Topic } from '#/lib/topics.ts';
import { automaticTopics, type Tagger } from '#/lib/topic-model.ts';

/*
 * How well the automatic topics agree with a careful reader's: tests/fixtures/topic-labels/ holds papers
 * labelled by hand from their title and abstract, split once into a half to tune the rules on and a half
 * held out to report on, a file each. Shared by bench/topic-quality.ts (prints the figures), the topic model's
 * training and the quality test.
 */

export const LABELS_DIR = new URL('../../tests/fixtures/topic-labels/', import.meta.url);
export const TAXONOMY_FILE = new URL('../../content/topics.yaml', import.meta.url);
export const TOPIC_MODEL_FILE = new URL('../../content/topic-model.json', import.meta.url);

export const SPLITS = ['tune', 'held-out'] as const;
export type Split = (typeof SPLITS)[number];

const labelledPaperSchema = z.object({
  arxiv: z.string(),
  date: z.string(),
  title: z.string(),
  abstract: z.string(),
  keywords: z.array(z.string()),
  topics: z.array(z.string()),
});
export type LabelledPaper = z.infer<typeof labelledPaperSchema> & { split: Split };

const labelsFileSchema = z.object({ about: z.string(), papers: z.array(labelledPaperSchema) });

/**
 * Both halves' papers, each with the half it is in: its files, `<split>.json` and then `<split>-2.json`,
 * `<split>-3.json`… (a file per labelling round keeps each under 2 MB).
 */
export function loadLabels(dir: URL = LABELS_DIR): LabelledPaper[] {
  const names = readdirSync(dir);
  return SPLITS.flatMap((split) => {
    const rounds = names
      .map((name) => new RegExp(`^${split}-(\\d+)\\.json$`).exec(name))
      .filter((match) => match !== null)
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((match) => match[0]);
    return [`${split}.json`, ...rounds].flatMap((name) =>
      labelsFileSchema.parse(JSON.parse(readFileSync(new URL(name, dir), 'utf8'))).papers.map((paper) => ({ ...paper, split })),
    );
  });
}

/**
 * What assigns the shipped topics: the taxonomy's rules and, when content/topic-model.json was trained for them,
 * the model (as the paper loader decides). `rules` is the same without the model, to compare against.
 */
export function loadTagger(
  taxonomyFile: URL = TAXONOMY_FILE,
  modelFile: URL = TOPIC_MODEL_FILE,
): { tagger: Tagger; rules: Tagger; topics: Topic[]; ids: string[] } {
  const topics = readTopics(readFileSync(taxonomyFile, 'utf8'));
  const model = existsSync(modelFile) ? readTopicModel(readFileSync(modelFile, 'utf8'), modelFile.pathname) : undefined;
  const tagger = taggerFor(topics, model);
  return {
    tagger,
    rules: { matcher: tagger.matcher, model: undefined },
    topics,
    ids: topics.map((topic) => topic.id),
  };
}

export interface Counts {
  /** Assigned and right. */
  hits: number;
  /** Assigned in all. */
  assigned: number;
  /** Right in all (the reader's labels). */
  expected: number;
}

export interface Quality extends Counts {
  precision: number;
  recall: number;
}

export interface PaperResult {
  paper: LabelledPaper;
  assigned: string[];
  /** Assigned but not the reader's. */
  wrong: string[];
  /** The reader's but not assigned. */
  missed: string[];
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

export function quality(counts: Counts): Quality {
  return { ...counts, precision: ratio(counts.hits, counts.assigned), recall: ratio(counts.hits, counts.expected) };
}

/** Topics given to a paper, compared with its reader's. */
function compared(paper: LabelledPaper, assigned: string[]): PaperResult {
  return {
    paper,
    assigned,
    wrong: assigned.filter((id) => !paper.topics.includes(id)),
    missed: paper.topics.filter((id) => !assigned.includes(id)),
  };
}

export function assignAll(tagger: Tagger, papers: readonly LabelledPaper[]): PaperResult[] {
  return papers.map((paper) => compared(paper, automaticTopics(tagger, paper, paper.abstract)));
}

const secondReadingSchema = z.object({
  about: z.string(),
  papers: z.array(z.object({ arxiv: z.string(), topics: z.array(z.string()).min(1) })),
});

/** The second reader's topics for each paper of the tune half (`second-reading.json`), by arXiv id. */
export function loadSecondReading(dir: URL = LABELS_DIR): Map<string, string[]> {
  const { papers } = secondReadingSchema.parse(JSON.parse(readFileSync(new URL('second-reading.json', dir), 'utf8')));
  return new Map(papers.map(({ arxiv, topics }) => [arxiv, topics]));
}

/**
 * The second reader's topics scored as if they were assigned, against the first reader's: how far two careful
 * readers agree, the most an assigner can be expected to agree with either. Only papers both read count.
 */
export function readerAgreement(papers: readonly LabelledPaper[], second: ReadonlyMap<string, string[]>): PaperResult[] {
  return papers.flatMap((paper) => {
    const topics = second.get(paper.arxiv);
    return topics ? [compared(paper, topics)] : [];
  });
}

/** Micro-averaged over papers: every assigned topic and every expected topic counts once. */
export function overall(results: readonly PaperResult[]): Quality {
  let hits = 0;
  let assigned = 0;
  let expected = 0;
  for (const result of results) {
    assigned += result.assigned.length;
    expected += result.paper.topics.length;
    hits += result.assigned.length - result.wrong.length;
  }
  return quality({ hits, assigned, expected });
}

export function perTopic(results: readonly PaperResult[], ids: readonly string[]): Map<string, Quality> {
  const counts = new Map(ids.map((id) => [id, { hits: 0, assigned: 0, expected: 0 }]));
  const of = (id: string): Counts => {
    let entry = counts.get(id);
    if (!entry) counts.set(id, (entry = { hits: 0, assigned: 0, expected: 0 }));
    return entry;
  };
  for (const { paper, assigned } of results) {
    for (const id of assigned) {
      of(id).assigned += 1;
      if (paper.topics.includes(id)) of(id).hits += 1;
    }
    for (const id of paper.topics) of(id).expected += 1;
  }
  return new Map([...counts].map(([id, entry]) => [id, quality(entry)]));
}
