import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { titleKey } from '#/lib/text.ts';
import { arxivWithoutVersion } from '#/lib/schemas.ts';
import { slugFromTitle, uniqueSlug } from '#/lib/slug.ts';
import { enrichPaper, formatPaper, readPaper, readPaperForEdit } from '#/lib/content/paper.ts';
import { formatDigest, readDigest } from '#/lib/content/digest.ts';
import { ContentFileError } from '#/lib/content/content-file-error.ts';
import { dateOfDigestFile, digestFile, DIGESTS_DIR, paperFile, PAPERS_DIR, slugOfPaperFile } from '#/lib/content/paths.ts';
import type { ImportedDigest, ImportedPaper } from './imported.ts';
import { InputError } from './input-error.ts';

/** A paper already in content/. Its YAML document is parsed only when an import adds to the file. */
interface KnownPaper {
  slug: string;
  path: string;
  text: string;
}

/** What is on disk already, indexed the ways a source can name a paper. */
export interface ContentIndex {
  contentDir: string;
  bySlug: Map<string, KnownPaper>;
  byArxiv: Map<string, KnownPaper>;
  byTitle: Map<string, KnownPaper>;
  /** Each imported day and the slugs its digest file lists. */
  digests: Map<string, string[]>;
}

export interface DigestPlan {
  date: string;
  file: string;
  total: number;
  created: number;
  known: number;
  /** True when the day was imported before: its digest file is left as it is. */
  digestKept: boolean;
  /** Papers of a kept day that its digest file does not list: not added. */
  skipped: number;
}

export interface ImportPlan {
  digests: DigestPlan[];
  /** Path (relative to the content dir) → new text. */
  writes: Map<string, string>;
}


/** Files read at once. */
const OPEN_FILES = 32;

export async function loadContentIndex(contentDir: string): Promise<ContentIndex> {
  const index: ContentIndex = {
    contentDir,
    bySlug: new Map(),
    byArxiv: new Map(),
    byTitle: new Map(),
    digests: new Map(),
  };
  const paperNames = await readdir(join(contentDir, PAPERS_DIR)).catch(() => [] as string[]);
  // Bounded: a site has tens of thousands of papers, more than a process may hold open files.
  const limit = pLimit(OPEN_FILES);
  await Promise.all(
    paperNames
      .filter((name) => slugOfPaperFile(name) !== undefined)
      .map(async (name) => {
        const path = join(contentDir, PAPERS_DIR, name);
        const text = await limit(() => readFile(path, 'utf8'));
        const known = { slug: slugOfPaperFile(name)!, path, text };
        index.bySlug.set(known.slug, known);
        const { title, arxiv } = identityFields(text, path);
        if (typeof title === 'string') index.byTitle.set(titleKey(title), known);
        if (typeof arxiv === 'string') index.byArxiv.set(arxivWithoutVersion(arxiv), known);
      }),
  );
  const digestNames = await readdir(join(contentDir, DIGESTS_DIR)).catch(() => [] as string[]);
  for (const name of digestNames) {
    const date = dateOfDigestFile(name);
    if (date === undefined) continue;
    const path = join(contentDir, DIGESTS_DIR, name);
    const text = await readFile(path, 'utf8');
    index.digests.set(date, asInputError(() => readDigest(text, path)).papers);
  }
  return index;
}

/**
 * The fields that identify a paper (title, arXiv id), read quickly: an import
 * reads every paper file of the site, and parses the editable YAML document of
 * only the few it adds to. A broken file stops the import, named with its line.
 */
function identityFields(text: string, path: string): { title?: unknown; arxiv?: unknown } {
  return asInputError(() => readPaper(text, path).frontMatter);
}

/** A broken content file is bad input to the import: reported as the CLI reports every other. */
function asInputError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ContentFileError) throw new InputError(error.file, error.line, error.problem);
    throw error;
  }
}

/**
 * Decides every file an import writes, without writing: new papers get a new
 * file, known ones (same arXiv id or same normalized title) only gain missing
 * fields. A day imported before keeps its digest file as it is (a person may
 * have edited it): its papers are matched against that file, and papers it
 * does not list are skipped rather than written where no digest shows them.
 */
export function planImport(index: ContentIndex, digests: readonly ImportedDigest[]): ImportPlan {
  const writes = new Map<string, string>();
  const plans: DigestPlan[] = [];
  const seenDates = new Map<string, string>();
  for (const digest of digests) {
    const earlier = seenDates.get(digest.date);
    if (earlier) throw new InputError(digest.file, undefined, `gives the digest ${digest.date} that ${earlier} gives too`);
    seenDates.set(digest.date, digest.file);

    const keptSlugs = index.digests.get(digest.date);
    const slugs: string[] = [];
    const listed = new Set<string>();
    const upvotes: Record<string, number> = {};
    let created = 0;
    let skipped = 0;
    for (const paper of digest.papers) {
      const known = findKnown(index, paper) ?? (keptSlugs && findInKeptDigest(index, paper, keptSlugs));
      if (!known && keptSlugs) {
        skipped++;
        continue;
      }
      const slug = known ? known.slug : addNewPaper(index, paper, writes);
      if (known) {
        const text = enrichPaper(asInputError(() => readPaperForEdit(known.text, known.path)), paper.frontMatter, paper.abstract);
        if (text) {
          // A later digest of the same import builds on this text.
          known.text = text;
          writes.set(paperFile(slug), text);
        }
      } else {
        created++;
      }
      if (listed.has(slug)) continue;
      listed.add(slug);
      slugs.push(slug);
      if (paper.dayUpvotes !== undefined) upvotes[slug] = paper.dayUpvotes;
    }

    if (!keptSlugs) {
      const data = { date: digest.date, papers: slugs, ...(Object.keys(upvotes).length ? { upvotes } : {}) };
      writes.set(digestFile(digest.date), formatDigest(data));
      index.digests.set(digest.date, slugs);
    }
    plans.push({
      date: digest.date,
      file: digest.file,
      total: slugs.length,
      created,
      known: slugs.length - created,
      digestKept: keptSlugs !== undefined,
      skipped,
    });
  }
  return { digests: plans, writes };
}

function findKnown(index: ContentIndex, paper: ImportedPaper): KnownPaper | undefined {
  const arxiv = paper.frontMatter.arxiv;
  return (arxiv ? index.byArxiv.get(arxivWithoutVersion(arxiv)) : undefined) ?? index.byTitle.get(titleKey(paper.frontMatter.title));
}

/**
 * A paper whose title a person has edited no longer matches by title; on a day
 * imported before, the slug its original title gives still finds it in that
 * day's digest file.
 */
function findInKeptDigest(index: ContentIndex, paper: ImportedPaper, keptSlugs: readonly string[]): KnownPaper | undefined {
  const slug = slugFromTitle(paper.frontMatter.title);
  return keptSlugs.includes(slug) ? index.bySlug.get(slug) : undefined;
}

function addNewPaper(index: ContentIndex, paper: ImportedPaper, writes: Map<string, string>): string {
  const slug = uniqueSlug(slugFromTitle(paper.frontMatter.title), (candidate) => index.bySlug.has(candidate));
  const text = formatPaper(paper.frontMatter, paper.abstract);
  const known = { slug, path: join(index.contentDir, paperFile(slug)), text };
  index.bySlug.set(slug, known);
  index.byTitle.set(titleKey(paper.frontMatter.title), known);
  if (paper.frontMatter.arxiv) index.byArxiv.set(arxivWithoutVersion(paper.frontMatter.arxiv), known);
  writes.set(paperFile(slug), text);
  return slug;
}

/**
 * Writes every planned file through a temporary sibling and a rename, all
 * temporaries first: a failure before the renames leaves content/ untouched.
 */
export async function applyPlan(contentDir: string, plan: ImportPlan): Promise<void> {
  const staged: Array<{ temporary: string; target: string }> = [];
  const directories = new Set<string>();
  try {
    for (const [relative, text] of plan.writes) {
      const target = join(contentDir, relative);
      const temporary = `${target}.${process.pid}.tmp`;
      const directory = join(target, '..');
      if (!directories.has(directory)) {
        await mkdir(directory, { recursive: true });
        directories.add(directory);
      }
      await writeFile(temporary, text, 'utf8');
      staged.push({ temporary, target });
    }
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true })));
    throw error;
  }
  for (const { temporary, target } of staged) await rename(temporary, target);
}
