/**
 * Shared setup for the importer tests: the seed fixture split into its papers
 * (independently of the parser under test), digest text builders, temporary
 * directories that clean themselves up, a per-file hash snapshot of a content
 * dir, and a runner for the real CLI.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runImport } from '#/lib/import/run-import.ts';
import { InputError } from '#/lib/import/input-error.ts';
import type { DigestPlan } from '#/lib/import/content-store.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEED_PATH = fileURLToPath(new URL('../fixtures/seed-2026-03-14.txt', import.meta.url));
export const SEED_TEXT = readFileSync(SEED_PATH, 'utf8');
export const SEED_DATE = '2026-03-14';
export const SEED_SUMMARY = '2026-03-14: 71 papers (71 new, 0 already known)';
/** "Now" for year inference: every test that guesses a year pins it. */
export const TODAY = new Date('2026-11-26T12:00:00Z');

export interface DigestPaper {
  title: string;
  abstract: string;
}

/**
 * The seed as its lines read: 8 lines of page chrome, the date line `Mar 14`
 * (line 9), a blank, then title / blank / abstract / blank per paper.
 */
const seedLines = SEED_TEXT.split('\n');
export const SEED_CHROME: readonly string[] = seedLines.slice(0, 8);
export const SEED_DATE_LINE = seedLines[8]!;
export const SEED_PAPERS: readonly DigestPaper[] = Array.from({ length: (seedLines.length - 9) / 4 }, (_, k) => ({
  title: seedLines[10 + 4 * k]!,
  abstract: seedLines[12 + 4 * k]!,
}));
if (SEED_DATE_LINE !== 'Mar 14' || SEED_PAPERS.length !== 71) throw new Error('the seed fixture is not laid out as expected');

export interface DigestText {
  text: string;
  /** 1-based line of each paper's title and abstract. */
  titleLines: number[];
  abstractLines: number[];
  /** 1-based line of the date line, when there is one. */
  dateLineNumber: number | undefined;
}

/**
 * Lays papers out the way the seed is laid out: chrome, date line, then
 * title / blank / abstract / blank. `abstract: undefined` leaves a paper
 * with its title only. With the seed's papers and defaults it rebuilds the seed exactly.
 */
export function renderDigest(options: {
  papers: ReadonlyArray<{ title: string; abstract: string | undefined }>;
  dateLine?: string | undefined;
  chrome?: readonly string[];
  eol?: string;
}): DigestText {
  const lines: string[] = [];
  const blankAfter = (line: string) => lines.push(line, '');
  for (const line of options.chrome ?? SEED_CHROME) lines.push(line);
  let dateLineNumber: number | undefined;
  if (options.dateLine !== undefined) {
    dateLineNumber = lines.length + 1;
    blankAfter(options.dateLine);
  }
  const titleLines: number[] = [];
  const abstractLines: number[] = [];
  for (const paper of options.papers) {
    titleLines.push(lines.length + 1);
    blankAfter(paper.title);
    if (paper.abstract !== undefined) {
      abstractLines.push(lines.length + 1);
      blankAfter(paper.abstract);
    }
  }
  lines.pop(); // the seed does not end with a blank line
  return { text: lines.join(options.eol ?? '\n'), titleLines, abstractLines, dateLineNumber };
}

/** The seed itself, rebuilt (with its line numbers). */
export function seedDigest(overrides: Partial<Parameters<typeof renderDigest>[0]> = {}): DigestText {
  return renderDigest({ papers: SEED_PAPERS, dateLine: SEED_DATE_LINE, ...overrides });
}

/** Papers that are not in the seed. */
export const NEW_PAPERS: readonly DigestPaper[] = [
  {
    title: 'Tidal Attention: Routing Tokens by the Moon',
    abstract:
      'We propose Tidal Attention, which routes tokens between experts on a lunar schedule. Code is at https://github.com/example/tidal-attention.',
  },
  {
    title: 'A Survey of Surveys of Large Language Model Surveys',
    abstract: 'Surveys have proliferated. We survey the surveys of surveys and find that 83% of them cite each other.',
  },
  {
    title: 'Sparse Mixtures of Dense Experts for Efficient Inference',
    abstract: 'Dense experts are expensive; sparse mixtures are cheap. We combine both and report 2x speedups on $5 hardware.',
  },
];

/** Indices of the seed papers that the second digest replaces with NEW_PAPERS. */
export const REPLACED_INDICES = [2, 20, 45] as const;

/**
 * A second day: the seed with another date line (`Mar 15`) and three papers
 * replaced by new ones; the other 68 papers are the same as on Mar 14.
 */
export function secondDigest(): DigestText & { papers: DigestPaper[] } {
  const papers = SEED_PAPERS.map((paper, index) => {
    const replaced = REPLACED_INDICES.indexOf(index as (typeof REPLACED_INDICES)[number]);
    return replaced === -1 ? paper : NEW_PAPERS[replaced]!;
  });
  return { ...renderDigest({ papers, dateLine: 'Mar 15' }), papers };
}

/** A new temporary directory, removed when the current test finishes. */
export async function tempDir(prefix = 'papertide-import-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes an input file into a fresh temporary directory (never inside a content dir) and returns its path. */
export async function writeInput(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(await tempDir('papertide-input-'), name);
  await writeFile(path, content);
  return path;
}

/** Imports the seed as the CLI would with `--date 2026-03-14`. */
export function importSeed(contentDir: string, extra: { dryRun?: boolean } = {}): Promise<DigestPlan[]> {
  return runImport({ files: [SEED_PATH], contentDir, date: SEED_DATE, today: TODAY, ...extra });
}

/** Imports input files in process (today being TODAY), for a given day when the files carry none. */
export function importFiles(contentDir: string, files: string[], date?: string): Promise<DigestPlan[]> {
  return runImport({ files, contentDir, today: TODAY, ...(date ? { date } : {}) });
}

/** Imports files that must be refused into an empty content folder: the error, once it is checked that nothing was written. */
export async function refusedImport(files: string[]): Promise<InputError> {
  const contentDir = await tempDir();
  const error = await importFiles(contentDir, files).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(InputError);
  expect(await snapshotDir(contentDir)).toEqual({});
  return error as InputError;
}

/** A temporary content dir holding what a successful import of the seed wrote. */
export async function seededContentDir(): Promise<string> {
  const dir = await tempDir('papertide-content-');
  await importSeed(dir);
  return dir;
}

/**
 * For suites that need many seeded content dirs: imports the seed once (before
 * the suite) and gives each test its own copy of the result.
 */
export function useSeededContentDirs(): () => Promise<string> {
  let template: string | undefined;
  beforeAll(async () => {
    template = await mkdtemp(join(tmpdir(), 'papertide-template-'));
    await importSeed(template);
  });
  afterAll(() => (template ? rm(template, { recursive: true, force: true }) : undefined));
  return async () => {
    if (!template) throw new Error('useSeededContentDirs() gives dirs inside tests only');
    const dir = await tempDir('papertide-content-');
    await cp(template, dir, { recursive: true });
    return dir;
  };
}

export type DirSnapshot = Record<string, string>;

/**
 * Every entry under `dir`, by relative path, with the SHA-256 of each file's
 * bytes (`dir/` for directories): equal snapshots mean byte-identical trees.
 */
export async function snapshotDir(dir: string): Promise<DirSnapshot> {
  const snapshot: DirSnapshot = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    const relative = path.slice(dir.length + 1);
    snapshot[relative] = entry.isDirectory()
      ? 'dir/'
      : createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return Object.fromEntries(Object.entries(snapshot).sort(([a], [b]) => a.localeCompare(b)));
}

/** One hash for the whole tree. */
export function hashSnapshot(snapshot: DirSnapshot): string {
  return createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
}

export function paperPaths(snapshot: DirSnapshot): string[] {
  return Object.keys(snapshot).filter((path) => path.startsWith('papers/') && path.endsWith('.md'));
}

export function readPaper(contentDir: string, slug: string): Promise<string> {
  return readFile(join(contentDir, 'papers', `${slug}.md`), 'utf8');
}

/** A paper file's front matter (parsed) and body (as written). */
export function splitPaper(text: string): { frontMatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`not a paper file:\n${text.slice(0, 200)}`);
  return { frontMatter: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]! };
}

export async function readDigest(contentDir: string, date: string): Promise<{ date: unknown; papers: string[] }> {
  return parseYaml(await readFile(join(contentDir, 'digests', `${date}.yaml`), 'utf8')) as { date: unknown; papers: string[] };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node scripts/import.ts ...args` from the repo root, as `npm run import -- ...args` does.
 * Call `useCliCompileCache()` in a suite that runs it often: Node then caches the
 * compiled modules between runs, which halves each run's start-up time.
 */
export function runCli(args: readonly string[]): CliResult {
  const env = compileCache ? { ...process.env, NODE_COMPILE_CACHE: compileCache } : process.env;
  const result = spawnSync(join(REPO_ROOT, 'node_modules/.bin/node'), ['scripts/import.ts', ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env,
    timeout: 20_000,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let compileCache: string | undefined;

export function useCliCompileCache(): void {
  beforeAll(async () => {
    compileCache = await mkdtemp(join(tmpdir(), 'papertide-compile-cache-'));
  });
  afterAll(async () => {
    if (compileCache) await rm(compileCache, { recursive: true, force: true });
    compileCache = undefined;
  });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
