import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { runImport } from '#/lib/import/run-import.ts';
import { applyPlan, loadContentIndex, planImport } from '#/lib/import/content-store.ts';
import { formatEditedPaper, formatPaper, readPaperForEdit } from '#/lib/content/paper.ts';
import { formatDigest, readDigest } from '#/lib/content/digest.ts';
import { texTextToMarkdown } from '#/lib/import/abstract-markdown.ts';
import type { ImportedDigest, ImportedPaper } from '#/lib/import/imported.ts';
import type { PaperFrontMatter } from '#/lib/schemas.ts';
import { slugFromTitle, uniqueSlug } from '#/lib/slug.ts';
import { repoRoot, tmpRoot } from './paths.ts';
import { dirStats, mapLimit } from './fs-stats.ts';
import { TAXONOMY_FILE_NAME, TOPIC_MODEL_FILE_NAME } from '#/lib/content/paths.ts';

/** Bump when the generated corpus changes shape, so cached corpora are rebuilt. */
const GENERATOR_VERSION = 1;
const DAY_MS = 86_400_000;
/** Papers per day when the shipped content (one 71-paper day) is regrouped: about what Hugging Face lists daily. */
const PAPERS_PER_DAY = 15;
/** Papers in the `--daily` digest. */
export const DAILY_PAPERS = 70;
/** The arXiv year prefix of repetition r is 50 + r (no real id has one), and 99 for the daily digest. */
const MAX_REPETITIONS = 48;
const DAILY_YEAR = 99;

/** How the corpus's files were written. */
export type CorpusMethod = 'runImport (JSON)' | 'bench mapping + planImport/applyPlan' | 'copy of content/ papers';

export interface CorpusInfo {
  key: string;
  source: string;
  papers: number;
  digests: number;
  newestDate: string;
  oldestDate: string;
  repetitions: number;
  method: CorpusMethod;
  /** Why runImport was not used, when it was not. */
  methodNote?: string;
  /** Time to write the corpus (the import, when runImport wrote it). */
  importMs: number;
  contentBytes: number;
}

export interface Corpus extends CorpusInfo {
  /** The cached corpus; copy it before changing it. */
  contentDir: string;
  cached: boolean;
}

export interface DailyResult {
  date: string;
  papers: number;
  created: number;
  method: CorpusMethod | 'written directly by the bench (the import failed)';
  importMs: number;
  /** Why the import failed, when it did (the digest was then written directly, so the rebuild could still be measured). */
  importError?: string;
}

// ---------------------------------------------------------------- dates and ids

const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

/** The shipped taxonomy and the topic model trained for it. */
async function copyTaxonomy(contentDir: string): Promise<void> {
  for (const name of [TAXONOMY_FILE_NAME, TOPIC_MODEL_FILE_NAME]) await cp(join(repoRoot, 'content', name), join(contentDir, name));
}

function shiftTimestamp(value: unknown, days: number): unknown {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) return value;
  return new Date(Date.parse(value) + days * DAY_MS).toISOString();
}

/** A distinct arXiv id for a copy: the two-digit year becomes one no real id has (50–99). */
function copyArxivId(id: string, year: number): string {
  if (/^\d{4}\.\d{4,5}(v\d+)?$/.test(id)) return `${String(year).padStart(2, '0')}${id.slice(2)}`;
  // Old-style ids (hep-th/9901001): a distinct archive name instead.
  return id.replace(/^([a-z-]+)/, `$1-${'abcdefghijklmnopqrstuvwxyz'[year % 26]}`);
}

/** Repetition 0 is the source itself; later ones are copies, each r × shift days older. */
const repetitionLabel = (r: number) => `r${r + 1}`;

// ---------------------------------------------------------------- Hugging Face JSON source

interface HfPaper {
  id: string;
  title: string;
  summary?: string;
  authors?: Array<{ name?: string; hidden?: boolean }>;
  publishedAt?: string;
  submittedOnDailyAt?: string;
  upvotes?: number;
  githubRepo?: string;
  projectPage?: string;
  ai_summary?: string;
  ai_keywords?: string[];
  [key: string]: unknown;
}

interface HfEntry {
  paper: HfPaper;
  title?: string;
  publishedAt?: string;
  [key: string]: unknown;
}

interface HfDay {
  date: string;
  entries: HfEntry[];
}

async function readHfSource(dir: string): Promise<HfDay[]> {
  const names = (await readdir(dir)).filter((name) => /^\d{4}-\d{2}-\d{2}\.json$/.test(name)).sort().reverse();
  if (names.length === 0) throw new Error(`${dir}: no YYYY-MM-DD.json files (Hugging Face daily papers API responses)`);
  return mapLimit(names, 64, async (name) => {
    const entries = JSON.parse(await readFile(join(dir, name), 'utf8')) as HfEntry[];
    if (!Array.isArray(entries)) throw new Error(`${dir}/${name}: not a JSON array`);
    return { date: name.slice(0, 10), entries };
  });
}

/** A copy of an API entry with a new id and title, moved `days` in time. */
function copyEntry(entry: HfEntry, label: string, year: number, days: number): HfEntry {
  const copy = structuredClone(entry);
  const title = `${entry.paper.title} (${label})`;
  copy.paper.id = copyArxivId(entry.paper.id, year);
  copy.paper.title = title;
  if (typeof copy.title === 'string') copy.title = title;
  copy.paper.publishedAt = shiftTimestamp(copy.paper.publishedAt, days) as string | undefined;
  copy.paper.submittedOnDailyAt = shiftTimestamp(copy.paper.submittedOnDailyAt, days) as string | undefined;
  copy.publishedAt = shiftTimestamp(copy.publishedAt, days) as string | undefined;
  return copy;
}

/**
 * The source's days, newest first, then the same days again as copies shifted
 * back by a whole number of weeks longer than the source's span (so no two
 * copies share a day and weekdays stay weekdays), until `n` papers.
 */
function planHfDays(source: HfDay[], n: number): { days: HfDay[]; repetitions: number } {
  const newest = source[0]!.date;
  const oldest = source.at(-1)!.date;
  const shift = Math.ceil((daysBetween(oldest, newest) + 1) / 7) * 7;
  const days: HfDay[] = [];
  const ids = new Set<string>();
  for (let r = 0; ids.size < n; r++) {
    if (r > MAX_REPETITIONS) throw new Error(`the source repeated ${MAX_REPETITIONS} times has fewer than ${n} papers`);
    for (const day of source) {
      const date = shiftDate(day.date, -r * shift);
      const entries: HfEntry[] = [];
      for (const entry of day.entries) {
        const copy = r === 0 ? entry : copyEntry(entry, repetitionLabel(r), 50 + r, -r * shift);
        if (!ids.has(copy.paper.id)) {
          if (ids.size >= n) break;
          ids.add(copy.paper.id);
        }
        entries.push(copy);
      }
      if (entries.length > 0) days.push({ date, entries });
      if (ids.size >= n) return { days, repetitions: r + 1 };
    }
  }
  return { days, repetitions: 0 };
}

/** The daily digest: `count` papers from the newest source days, as new papers on the day after `after`. */
function dailyHfDay(source: HfDay[], after: string, count: number): HfDay {
  const date = shiftDate(after, 1);
  const entries: HfEntry[] = [];
  for (const day of source) {
    for (const entry of day.entries) {
      if (entries.length >= count) break;
      entries.push(copyEntry(entry, 'daily', DAILY_YEAR, daysBetween(day.date, date)));
    }
  }
  return { date, entries };
}

/**
 * The bench's own mapping of an API entry to a paper, used only while
 * runImport cannot read JSON: the fields the importer's HF support is meant to keep.
 */
function mapHfEntry(entry: HfEntry, file: string, index: number): ImportedPaper {
  const paper = entry.paper;
  const { markdown } = texTextToMarkdown(paper.summary ?? '');
  const authors = (paper.authors ?? []).map((author) => author.name?.trim() ?? '').filter(Boolean);
  const links: Record<string, string> = {};
  if (paper.githubRepo && /^https?:\/\//.test(paper.githubRepo)) links.code = paper.githubRepo;
  if (paper.projectPage && /^https?:\/\//.test(paper.projectPage)) links.project = paper.projectPage;
  const keywords = (paper.ai_keywords ?? []).map((keyword) => keyword.trim()).filter(Boolean);
  const frontMatter: PaperFrontMatter = {
    title: paper.title.replace(/\s+/g, ' ').trim(),
    arxiv: paper.id,
    ...(authors.length ? { authors } : {}),
    ...(paper.publishedAt ? { published: paper.publishedAt.slice(0, 10) } : {}),
    ...(Object.keys(links).length ? { links } : {}),
    ...(typeof paper.upvotes === 'number' ? { upvotes: paper.upvotes } : {}),
    ...(keywords.length ? { keywords } : {}),
    ...(paper.ai_summary?.trim() ? { tldr: paper.ai_summary.trim() } : {}),
  };
  return {
    source: `${file}: entry ${index + 1}`,
    frontMatter,
    abstract: markdown,
    ...(typeof paper.upvotes === 'number' ? { dayUpvotes: paper.upvotes } : {}),
  };
}

async function writeJsonDays(dir: string, days: readonly HfDay[]): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  return mapLimit(days, 64, async (day) => {
    const file = join(dir, `${day.date}.json`);
    await writeFile(file, JSON.stringify(day.entries));
    return file;
  });
}

/**
 * Whether runImport reads Hugging Face JSON yet, asked the honest way: a dry
 * run of one API response into an empty folder must create its papers on its day.
 */
async function probeJsonImport(day: HfDay, workDir: string): Promise<{ ok: boolean; note?: string }> {
  const dir = join(workDir, 'probe');
  await rm(dir, { recursive: true, force: true });
  const [file] = await writeJsonDays(join(dir, 'json'), [day]);
  try {
    const plans = await runImport({ files: [file!], contentDir: join(dir, 'content'), dryRun: true });
    const plan = plans[0];
    if (!plan || plan.created !== new Set(day.entries.map((entry) => entry.paper.id)).size) {
      return { ok: false, note: `runImport read ${basename(file!)} but planned ${plan?.created ?? 0} of ${day.entries.length} papers` };
    }
    if (plan.date !== day.date) return { ok: false, note: `runImport dated ${basename(file!)} ${plan.date}, not ${day.date}` };
    return { ok: true };
  } catch (error) {
    return { ok: false, note: `runImport cannot read JSON yet: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes days of API entries into a content folder, through runImport when it can read them. */
async function importHfDays(days: readonly HfDay[], contentDir: string, workDir: string, useRunImport: boolean): Promise<{ importMs: number; created: number }> {
  const files = await writeJsonDays(join(workDir, 'json'), days);
  const start = performance.now();
  if (useRunImport) {
    const plans = await runImport({ files, contentDir });
    const importMs = performance.now() - start;
    const wrong = plans.find((plan, index) => plan.date !== days[index]!.date);
    if (wrong) throw new Error(`runImport dated ${wrong.file} ${wrong.date}: the bench's dates would not hold`);
    return { importMs, created: plans.reduce((sum, plan) => sum + plan.created, 0) };
  }
  const digests: ImportedDigest[] = days.map((day, d) => ({
    file: files[d]!,
    date: day.date,
    papers: day.entries.map((entry, index) => mapHfEntry(entry, files[d]!, index)),
  }));
  const plan = planImport(await loadContentIndex(contentDir), digests);
  await applyPlan(contentDir, plan);
  return { importMs: performance.now() - start, created: plan.digests.reduce((sum, digest) => sum + digest.created, 0) };
}

// ---------------------------------------------------------------- shipped content source

interface ContentPaper {
  slug: string;
  text: string;
}

async function readContentSource(dir: string): Promise<{ papers: ContentPaper[]; newest: string }> {
  const digestNames = (await readdir(join(dir, 'digests'))).filter((name) => name.endsWith('.yaml')).sort().reverse();
  const order: string[] = [];
  for (const name of digestNames) {
    const path = join(dir, 'digests', name);
    const data = readDigest(await readFile(path, 'utf8'), path);
    for (const slug of data.papers) if (!order.includes(slug)) order.push(slug);
  }
  const names = (await readdir(join(dir, 'papers'))).filter((name) => name.endsWith('.md')).sort();
  for (const name of names) if (!order.includes(name.slice(0, -3))) order.push(name.slice(0, -3));
  const papers = await mapLimit(order, 64, async (slug) => ({ slug, text: await readFile(join(dir, 'papers', `${slug}.md`), 'utf8') }));
  return { papers, newest: digestNames[0]?.slice(0, 10) ?? '2026-03-14' };
}

/** A copy of a paper file with a title suffix and, when it has one, a distinct arXiv id. */
function copyPaperFile(paper: ContentPaper, label: string, year: number, taken: Set<string>): ContentPaper {
  const file = readPaperForEdit(paper.text, paper.slug);
  const title = `${String(file.frontMatter.get('title'))} (${label})`;
  file.frontMatter.set('title', title);
  const arxiv = file.frontMatter.get('arxiv');
  if (typeof arxiv === 'string') file.frontMatter.set('arxiv', copyArxivId(arxiv, year));
  const slug = uniqueSlug(slugFromTitle(title), (candidate) => taken.has(candidate));
  return { slug, text: formatEditedPaper(file) };
}

async function writeContentDays(contentDir: string, days: ReadonlyArray<{ date: string; papers: ContentPaper[] }>): Promise<void> {
  await mkdir(join(contentDir, 'papers'), { recursive: true });
  await mkdir(join(contentDir, 'digests'), { recursive: true });
  for (const day of days) {
    await Promise.all(day.papers.map((paper) => writeFile(join(contentDir, 'papers', `${paper.slug}.md`), paper.text)));
    const digest = formatDigest({ date: day.date, papers: day.papers.map((paper) => paper.slug) });
    await writeFile(join(contentDir, 'digests', `${day.date}.yaml`), digest);
  }
}

/** Shipped papers in digest order, repeated as copies, `PAPERS_PER_DAY` a day going back from the newest digest. */
function planContentDays(source: ContentPaper[], newest: string, n: number): { days: Array<{ date: string; papers: ContentPaper[] }>; repetitions: number } {
  const taken = new Set(source.map((paper) => paper.slug));
  const papers: ContentPaper[] = [];
  let r = 0;
  for (; papers.length < n; r++) {
    if (r > MAX_REPETITIONS) throw new Error(`${n} papers need more than ${MAX_REPETITIONS} copies of content/`);
    for (const paper of source) {
      if (papers.length >= n) break;
      const copy = r === 0 ? paper : copyPaperFile(paper, repetitionLabel(r), 50 + r, taken);
      taken.add(copy.slug);
      papers.push(copy);
    }
  }
  const days = [];
  for (let i = 0; i * PAPERS_PER_DAY < papers.length; i++) {
    days.push({ date: shiftDate(newest, -i), papers: papers.slice(i * PAPERS_PER_DAY, (i + 1) * PAPERS_PER_DAY) });
  }
  return { days, repetitions: r };
}

// ---------------------------------------------------------------- the corpus, cached

export interface CorpusOptions {
  papers: number;
  /** A folder of Hugging Face API responses; the shipped content/ when undefined. */
  source?: string;
}

async function sourceFingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort();
  for (const file of files) hash.update(`${file}\0${(await stat(file)).size}\0`);
  return hash.digest('hex');
}

/** A hash of source files' contents (files or folders of them). */
async function codeFingerprint(paths: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    const files = info.isDirectory()
      ? (await readdir(path, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort()
      : [path];
    for (const file of files) hash.update(`${file}\0`).update(await readFile(file));
  }
  return hash.digest('hex');
}

async function readInfo(dir: string): Promise<CorpusInfo | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, 'corpus.json'), 'utf8')) as CorpusInfo;
  } catch {
    return undefined;
  }
}

/**
 * A content folder of `papers` papers, generated once per (source, N, import
 * method) under bench/tmp/corpora/ and reused; corpus.json, written last,
 * marks a finished one.
 */
export async function prepareCorpus(options: CorpusOptions): Promise<Corpus> {
  const sourceDir = resolve(options.source ?? join(repoRoot, 'content'));
  const isHf = options.source !== undefined;
  const root = join(tmpRoot, 'corpora');
  await mkdir(root, { recursive: true });

  let hfSource: HfDay[] | undefined;
  let method: CorpusMethod = 'copy of content/ papers';
  let methodNote: string | undefined;
  if (isHf) {
    hfSource = await readHfSource(sourceDir);
    const probe = await probeJsonImport(hfSource[0]!, root);
    method = probe.ok ? 'runImport (JSON)' : 'bench mapping + planImport/applyPlan';
    methodNote = probe.note;
  }
  // The importer's code is part of the key: a corpus is what the current importer writes.
  const importer = await codeFingerprint([join(repoRoot, 'src', 'lib', 'import'), join(repoRoot, 'src', 'lib', 'slug.ts'), join(repoRoot, 'src', 'lib', 'schemas.ts')]);
  const fingerprint = createHash('sha256')
    .update(`${GENERATOR_VERSION}\0${sourceDir}\0${await sourceFingerprint(sourceDir)}\0${options.papers}\0${method}\0${importer}`)
    .digest('hex')
    .slice(0, 10);
  const key = `${isHf ? basename(sourceDir) : 'content'}-${options.papers}-${fingerprint}`;
  const dir = join(root, key);
  const contentDir = join(dir, 'content');
  const known = await readInfo(dir);
  if (known) {
    // The taxonomy and its model are the shipped ones, as they stand now, also in a corpus made earlier.
    await copyTaxonomy(contentDir);
    return { ...known, contentDir, cached: true };
  }

  await rm(dir, { recursive: true, force: true });
  await mkdir(contentDir, { recursive: true });
  await copyTaxonomy(contentDir);

  let importMs: number;
  let dates: string[];
  let repetitions: number;
  if (hfSource) {
    const plan = planHfDays(hfSource, options.papers);
    repetitions = plan.repetitions;
    dates = plan.days.map((day) => day.date);
    const result = await importHfDays(plan.days, contentDir, join(dir, 'work'), method === 'runImport (JSON)');
    importMs = result.importMs;
    await rm(join(dir, 'work'), { recursive: true, force: true });
  } else {
    const source = await readContentSource(sourceDir);
    const plan = planContentDays(source.papers, source.newest, options.papers);
    repetitions = plan.repetitions;
    dates = plan.days.map((day) => day.date);
    const start = performance.now();
    await writeContentDays(contentDir, plan.days);
    importMs = performance.now() - start;
  }
  const paperCount = (await readdir(join(contentDir, 'papers'))).filter((name) => name.endsWith('.md')).length;
  if (paperCount !== options.papers) throw new Error(`generated ${paperCount} papers, not ${options.papers}`);
  const sorted = [...dates].sort();
  const info: CorpusInfo = {
    key,
    source: sourceDir,
    papers: paperCount,
    digests: new Set(dates).size,
    newestDate: sorted.at(-1)!,
    oldestDate: sorted[0]!,
    repetitions,
    method,
    ...(methodNote ? { methodNote } : {}),
    importMs,
    contentBytes: (await dirStats(contentDir)).bytes,
  };
  await writeFile(join(dir, 'corpus.json'), `${JSON.stringify(info, null, 2)}\n`);
  return { ...info, contentDir, cached: false };
}

/**
 * The daily case: one more digest of DAILY_PAPERS new papers, the day after
 * the newest, added to `contentDir` the way a maintainer adds one (runImport
 * when it reads JSON).
 */
export async function addDailyDigest(corpus: Corpus, contentDir: string, workDir: string): Promise<DailyResult> {
  if (corpus.method === 'copy of content/ papers') {
    const source = await readContentSource(join(repoRoot, 'content'));
    const taken = new Set((await readdir(join(contentDir, 'papers'))).map((name) => name.replace(/\.md$/, '')));
    const papers = source.papers.slice(0, DAILY_PAPERS).map((paper) => {
      const copy = copyPaperFile(paper, 'daily', DAILY_YEAR, taken);
      taken.add(copy.slug);
      return copy;
    });
    const date = shiftDate(corpus.newestDate, 1);
    const start = performance.now();
    await writeContentDays(contentDir, [{ date, papers }]);
    return { date, papers: papers.length, created: papers.length, method: corpus.method, importMs: performance.now() - start };
  }
  const source = await readHfSource(corpus.source);
  const day = dailyHfDay(source, corpus.newestDate, DAILY_PAPERS);
  try {
    const result = await importHfDays([day], contentDir, workDir, corpus.method === 'runImport (JSON)');
    return { date: day.date, papers: day.entries.length, created: result.created, method: corpus.method, importMs: result.importMs };
  } catch (error) {
    // The import's failure is a finding to report, not a reason to skip the rebuild's measurement.
    const importError = (error as Error).message.split('\n')[0]!;
    // A failed import may leave thousands of reads in flight: let their file handles close first.
    await untilFilesCanOpen(join(contentDir, 'papers'));
    const start = performance.now();
    await writeDayDirectly(day, contentDir);
    return {
      date: day.date,
      papers: day.entries.length,
      created: day.entries.length,
      method: 'written directly by the bench (the import failed)',
      importMs: performance.now() - start,
      importError,
    };
  }
}

async function untilFilesCanOpen(dir: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await readdir(dir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EMFILE' || attempt >= 120) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** One day of API entries as paper files and a digest file, without reading what is on disk (all its papers are new). */
async function writeDayDirectly(day: HfDay, contentDir: string): Promise<void> {
  const taken = new Set((await readdir(join(contentDir, 'papers'))).map((name) => name.replace(/\.md$/, '')));
  const slugs: string[] = [];
  const upvotes: Record<string, number> = {};
  for (const [index, entry] of day.entries.entries()) {
    const paper = mapHfEntry(entry, `${day.date}.json`, index);
    const slug = uniqueSlug(slugFromTitle(paper.frontMatter.title), (candidate) => taken.has(candidate));
    taken.add(slug);
    slugs.push(slug);
    if (paper.dayUpvotes !== undefined) upvotes[slug] = paper.dayUpvotes;
    await writeFile(join(contentDir, 'papers', `${slug}.md`), formatPaper(paper.frontMatter, paper.abstract));
  }
  const digest = { date: day.date, papers: slugs, ...(Object.keys(upvotes).length ? { upvotes } : {}) };
  await writeFile(join(contentDir, 'digests', `${day.date}.yaml`), formatDigest(digest));
}
