/**
 * npm run bench -- [--papers N] [--source DIR] [--daily] [--search]
 *
 * Builds an N-paper corpus (from Hugging Face API responses in DIR, or from the
 * shipped content/), runs the production build on it cold, and measures time
 * per phase, peak RSS, output size and page weight; --search measures search
 * in Chromium, --daily the rebuild after one more digest. Writes
 * bench/results/<date>-<N>.json and the results table in bench/README.md.
 * See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { readDigest } from '#/lib/content/digest.ts';
import { readTopics } from '#/lib/content/taxonomy.ts';
import { runBuild, type BuildResult } from './lib/build.ts';
import { addDailyDigest, prepareCorpus } from './lib/corpus.ts';
import { dirStats } from './lib/fs-stats.ts';
import { codeVersion, describeMachine } from './lib/machine.ts';
import { otherHeavyProcesses } from './lib/proc.ts';
import { repoRoot, tmpRoot } from './lib/paths.ts';
import {
  checkTargets,
  formatReport,
  readResults,
  updateReadme,
  writeResult,
  type BenchResult,
  type BuildSummary,
  type OutputStats,
} from './lib/report.ts';
import { benchSearch } from './lib/search.ts';
import { profileInChild, type DataLayerProfile } from './lib/profile.ts';
import { pageWeight, type PageWeight } from './lib/weight.ts';
import { runHugoPagefind, writeHugoSite, type HugoPagefindRun } from './lib/hugo.ts';

const usage = 'usage: npm run bench -- [--papers N] [--source DIR] [--daily] [--search] [--no-readme] [--no-profile] [--search-only] [--wait SECONDS]';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '1000' },
    source: { type: 'string' },
    daily: { type: 'boolean', default: false },
    search: { type: 'boolean', default: false },
    'no-readme': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    /** Measure page weight and search again on the last build of this corpus, and update its latest result. */
    'search-only': { type: 'boolean', default: false },
    /** Seconds to wait for other builds/tests on the machine to finish before each measurement. */
    wait: { type: 'string', default: '900' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const papers = Number(values.papers);
if (!Number.isInteger(papers) || papers < 1) {
  console.error(`--papers must be a positive whole number, got "${values.papers}"\n${usage}`);
  process.exit(2);
}

const say = (message: string) => console.log(`[bench] ${message}`);
const waitSeconds = Number(values.wait);

/**
 * Waits (up to --wait seconds) until no other build, test run or type check is
 * running: on a 2-core machine one would measure the other's load, and slow it down.
 */
async function waitForQuietMachine(what: string): Promise<void> {
  const deadline = Date.now() + waitSeconds * 1000;
  let others = otherHeavyProcesses();
  if (others.length === 0) return;
  say(`${what}: waiting up to ${waitSeconds} s for other work to finish:\n  ${others.join('\n  ')}`);
  while (others.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    others = otherHeavyProcesses();
  }
  if (others.length > 0) say(`${what}: still busy, measuring anyway (see cpu.otherCores in the result)`);
  else await new Promise((resolve) => setTimeout(resolve, 2000));
}
const rel = (path: string) => relative(repoRoot, path) || '.';

async function outputStats(outDir: string, cacheDir: string): Promise<OutputStats> {
  const [dist, pagefind, paperPages, cache] = await Promise.all([
    dirStats(outDir),
    dirStats(join(outDir, 'pagefind')),
    dirStats(join(outDir, 'papers')),
    dirStats(cacheDir),
  ]);
  const dataStoreBytes = await stat(join(cacheDir, 'data-store.json')).then((info) => info.size, () => 0);
  return {
    htmlPages: dist.htmlFiles,
    files: dist.files,
    distBytes: dist.bytes,
    pagefindBytes: pagefind.bytes,
    pagefindFiles: pagefind.files,
    paperPagesBytes: paperPages.bytes,
    cacheDirBytes: cache.bytes,
    dataStoreBytes,
  };
}

function summarize(build: BuildResult, output: OutputStats): BuildSummary {
  const { tail, ...rest } = build;
  return { ...rest, logFile: rel(build.logFile), output, ...(build.exitCode === 0 ? {} : { tail }) };
}

function failIfBroken(build: BuildResult): void {
  if (build.exitCode === 0) return;
  console.error(`[bench] ${build.label} failed (exit ${build.exitCode}); last lines of ${rel(build.logFile)}:`);
  console.error(build.tail.join('\n'));
  process.exit(1);
}

/** The pages a reader meets: home, the newest digest, its first paper, a topic, and search. */
async function measureWeights(outDir: string, contentDir: string): Promise<PageWeight[]> {
  const digestNames = (await readdir(join(contentDir, 'digests'))).filter((name) => name.endsWith('.yaml')).sort();
  const newest = digestNames.at(-1)!.slice(0, -5);
  const digestPath = join(contentDir, 'digests', `${newest}.yaml`);
  const digest = readDigest(await readFile(digestPath, 'utf8'), digestPath);
  const topics = readTopics(await readFile(join(contentDir, 'topics.yaml'), 'utf8'));
  const topic = (await Promise.all(topics.map(async ({ id }) => ((await stat(join(outDir, 'topics', id, 'index.html')).catch(() => undefined)) ? id : undefined)))).find(Boolean);
  const pages: Array<[string, string]> = [
    ['home', '/'],
    ['digest', `/digests/${newest}/`],
    ['paper', `/papers/${digest.papers[0]}/`],
    ['topic', `/topics/${topic ?? topics[0]?.id}/`],
    ['search', '/search/'],
  ];
  const weights: PageWeight[] = [];
  for (const [name, path] of pages) {
    const weight = await pageWeight(outDir, name, path);
    if (weight) weights.push(weight);
    else say(`page weight: ${path} not found in ${rel(outDir)}`);
  }
  return weights;
}

const sourceDir = values.source ? resolve(values.source) : undefined;
const machine = await describeMachine();
const code = codeVersion();
say(`corpus: ${papers} papers from ${sourceDir ?? 'content/'}`);
const corpus = await prepareCorpus({ papers, ...(sourceDir ? { source: sourceDir } : {}) });
say(`corpus ${corpus.cached ? 'cached' : 'written'} at ${rel(corpus.contentDir)} (${corpus.method}${corpus.cached ? '' : `, ${(corpus.importMs / 1000).toFixed(1)} s`})`);
if (corpus.methodNote) say(`note: ${corpus.methodNote}`);

// The build works on a copy: --daily adds a digest to it.
const runDir = join(tmpRoot, `run-${corpus.key}`);
const contentDir = join(runDir, 'content');
const outDir = join(runDir, 'dist');
const cacheDir = join(runDir, 'cache');
const resultName = (date: string) => `${date.slice(0, 10)}-${papers}${sourceDir ? '' : '-content'}.json`;

if (values['search-only']) {
  // The site as the last run left it (after its daily rebuild, when it had one): page weight and search again.
  const previous = (await readResults())
    .filter((result) => result.options.papers === papers && result.options.source === (sourceDir ?? 'content/'))
    .sort((a, b) => a.date.localeCompare(b.date))
    .at(-1);
  if (!previous) {
    console.error(`[bench] --search-only: no earlier result for ${papers} papers from ${sourceDir ?? 'content/'} in bench/results/`);
    process.exit(1);
  }
  if (!(await stat(join(outDir, 'search', 'index.html')).catch(() => undefined))) {
    console.error(`[bench] --search-only: no build in ${rel(outDir)}; run without --search-only first`);
    process.exit(1);
  }
  const weights = await measureWeights(outDir, contentDir);
  await waitForQuietMachine('search');
  say(`search on the existing build in ${rel(outDir)}`);
  const search = await benchSearch(outDir);
  const updated: Omit<BenchResult, 'targets'> = {
    ...previous,
    weights,
    search,
    searchOnly: { date: new Date().toISOString(), code, builtWith: previous.code, site: previous.daily ? 'after the daily rebuild' : 'after the cold build' },
  };
  const result: BenchResult = { ...updated, targets: checkTargets(updated, (await readResults()).filter((other) => other !== previous)) };
  console.log('');
  console.log(formatReport(result));
  const written = await writeResult(result, resultName(previous.date));
  say(`updated ${rel(written)}`);
  if (!values['no-readme']) await updateReadme(await readResults());
  process.exit(0);
}
await rm(runDir, { recursive: true, force: true });
await mkdir(runDir, { recursive: true });
await cp(corpus.contentDir, contentDir, { recursive: true });
// Content as the daily workflow has it: committed (the loader asks git what it knows of each file).
commitContent(contentDir, 'The corpus');

await waitForQuietMachine('cold build');
say(`cold build → ${rel(outDir)} (fresh cache ${rel(cacheDir)})`);
const coldBuild = await runBuild({ label: 'cold build', contentDir, outDir, cacheDir, logFile: join(runDir, 'cold.log') });
failIfBroken(coldBuild);
const cold = summarize(coldBuild, await outputStats(outDir, cacheDir));
say(`cold build: ${(cold.wallMs / 1000).toFixed(1)} s`);

const weights = await measureWeights(outDir, contentDir);

let profile: DataLayerProfile | undefined;
if (!values['no-profile']) {
  say('data layer profile (its steps timed on their own, in a separate Node process)');
  profile = await profileInChild(contentDir);
}

let search: BenchResult['search'];
let chromium: string | undefined;
if (values.search) {
  await waitForQuietMachine('search');
  say('search: 5 queries in Chromium, a fresh context each');
  search = await benchSearch(outDir);
  chromium = search.chromium;
}

/** As the daily workflow's fresh checkout leaves the content: every file with a new modification time. */
async function touchEveryFile(dir: string): Promise<number> {
  const now = new Date();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && !relative(dir, entry.parentPath).split(sep).includes('.git'))
    .map((entry) => join(entry.parentPath, entry.name));
  for (const file of files) await utimes(file, now, now);
  return files.length;
}

/**
 * As the daily workflow commits what it imported before it builds (not timed). After touchEveryFile, `git add`
 * hashes every file again, which a real checkout leaves git no need to: either way git then knows every file.
 */
function commitContent(dir: string, message: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=papertide bench', '-c', 'user.email=bench@papertide.invalid', ...args], { cwd: dir, stdio: 'ignore' });
  if (!existsSync(join(dir, '.git'))) git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '--allow-empty', '-m', message);
}

/** Hugo + the Pagefind CLI on the same content (bench/lib/hugo.ts): the site generated (not timed), then both timed. */
async function hugoPagefind(label: string): Promise<HugoPagefindRun> {
  const siteDir = join(runDir, 'hugo');
  await writeHugoSite(contentDir, siteDir);
  await waitForQuietMachine(`Hugo + Pagefind, ${label}`);
  const run = await runHugoPagefind(siteDir, label);
  say(`Hugo + Pagefind, ${label}: ${(run.wallMs / 1000).toFixed(1)} s (hugo ${(run.hugo.wallMs / 1000).toFixed(1)} s, pagefind ${(run.pagefind.wallMs / 1000).toFixed(1)} s), peak ${Math.round(run.peakRssBytes / 1024 / 1024)} MB`);
  return run;
}

let daily: BenchResult['daily'];
let hugo: BenchResult['hugo'];
if (values.daily) {
  const hugoCold = await hugoPagefind('cold');
  // The daily workflow checks the repository out afresh: every file is new to the file system.
  say(`daily: ${await touchEveryFile(contentDir)} content files touched, as a fresh checkout leaves them`);
  const added = await addDailyDigest(corpus, contentDir, join(runDir, 'daily-work'));
  if (added.importError) say(`daily: the import failed (${added.importError}); the bench wrote the digest itself to measure the rebuild`);
  commitContent(contentDir, `Import daily papers ${added.date}`);
  say(`daily: ${added.date} with ${added.papers} papers (${added.created} new) by ${added.method} in ${(added.importMs / 1000).toFixed(2)} s, committed; rebuilding with caches kept`);
  await waitForQuietMachine('daily rebuild');
  const build = await runBuild({ label: 'daily rebuild', contentDir, outDir, cacheDir, logFile: join(runDir, 'daily.log') });
  failIfBroken(build);
  say(`daily rebuild: ${(build.wallMs / 1000).toFixed(1)} s`);
  const dailyBuild = summarize(build, await outputStats(outDir, cacheDir));
  await waitForQuietMachine('rebuild with nothing changed');
  const again = await runBuild({ label: 'rebuild with nothing changed', contentDir, outDir, cacheDir, logFile: join(runDir, 'unchanged.log') });
  failIfBroken(again);
  say(`rebuild with nothing changed: ${(again.wallMs / 1000).toFixed(1)} s`);
  // The day above is the first of a month (the corpus ends on a month's last day): the month before
  // moves to the archive. One more day, touched again, is the common case: only the hot month changes.
  say(`daily, next day: ${await touchEveryFile(contentDir)} content files touched`);
  const nextDay = await addDailyDigest({ ...corpus, newestDate: added.date }, contentDir, join(runDir, 'daily-work-2'));
  commitContent(contentDir, `Import daily papers ${nextDay.date}`);
  say(`daily, next day: ${nextDay.date} with ${nextDay.papers} papers (${nextDay.created} new) in ${(nextDay.importMs / 1000).toFixed(2)} s, committed`);
  await waitForQuietMachine('daily rebuild, next day');
  const next = await runBuild({ label: 'daily rebuild, next day', contentDir, outDir, cacheDir, logFile: join(runDir, 'daily-2.log') });
  failIfBroken(next);
  say(`daily rebuild, next day: ${(next.wallMs / 1000).toFixed(1)} s`);
  daily = {
    import: added,
    build: dailyBuild,
    unchanged: summarize(again, await outputStats(outDir, cacheDir)),
    nextDay: { import: nextDay, build: summarize(next, await outputStats(outDir, cacheDir)) },
  };
  hugo = { cold: hugoCold, daily: await hugoPagefind('daily (both days)') };
}

const { contentDir: _contentDir, ...corpusInfo } = corpus;
const partial: Omit<BenchResult, 'targets'> = {
  version: 1,
  date: new Date().toISOString(),
  machine: { ...machine, ...(chromium ? { chromium } : {}) },
  code,
  options: { papers, source: sourceDir ?? 'content/', daily: values.daily, search: values.search },
  corpus: { ...corpusInfo, source: sourceDir ?? 'content/' },
  cold,
  msPerPaper: cold.wallMs / papers,
  weights,
  ...(profile ? { profile } : {}),
  ...(search ? { search } : {}),
  ...(daily ? { daily } : {}),
  ...(hugo ? { hugo } : {}),
};
const earlier = await readResults();
const result: BenchResult = { ...partial, targets: checkTargets(partial, earlier) };

console.log('');
console.log(formatReport(result));
const fileName = resultName(result.date);
const written = await writeResult(result, fileName);
console.log('');
say(`wrote ${rel(written)}`);
if (!values['no-readme']) {
  await updateReadme(await readResults());
  say('updated the results table in bench/README.md');
}
