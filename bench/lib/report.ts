import type { HugoPagefindRun } from './hugo.ts';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BuildResult } from './build.ts';
import type { CorpusInfo, DailyResult } from './corpus.ts';
import type { CodeVersion, Machine } from './machine.ts';
import type { PageWeight } from './weight.ts';
import type { SearchResult } from './search.ts';
import type { DataLayerProfile } from './profile.ts';
import { readmePath, resultsDir } from './paths.ts';

export interface OutputStats {
  htmlPages: number;
  files: number;
  distBytes: number;
  pagefindBytes: number;
  pagefindFiles: number;
  paperPagesBytes: number;
  cacheDirBytes: number;
  /** Astro's content layer data store (the parsed collections) in the cache dir. */
  dataStoreBytes: number;
}

export type BuildSummary = Omit<BuildResult, 'tail'> & { tail?: string[]; output: OutputStats };

export interface TargetCheck {
  name: string;
  value: string;
  limit: string;
  /** undefined: no target at this N (shown for information). */
  pass: boolean | undefined;
}

export interface BenchResult {
  version: 1;
  date: string;
  machine: Machine & { chromium?: string };
  /** The code measured, at the start of the run. */
  code: CodeVersion;
  options: { papers: number; source: string; daily: boolean; search: boolean };
  corpus: CorpusInfo & { cached: boolean };
  cold: BuildSummary;
  msPerPaper: number;
  weights: PageWeight[];
  profile?: DataLayerProfile;
  search?: SearchResult;
  /** Set when page weight and search were measured again later (--search-only), on the build this result describes. */
  searchOnly?: { date: string; code: CodeVersion; builtWith: CodeVersion; site: string };
  /** `unchanged`: one more rebuild right after, with nothing changed (a template-only deploy, a day without papers). */
  daily?: { import: DailyResult; build: BuildSummary; unchanged?: BuildSummary; nextDay?: { import: DailyResult; build: BuildSummary } };
  /** Hugo + the Pagefind CLI on the same corpus in the same run (bench/lib/hugo.ts): cold, and after the daily days. */
  hugo?: { cold: HugoPagefindRun; daily: HugoPagefindRun };
  targets: TargetCheck[];
}

export const MiB = 1024 * 1024;
const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmtMiB = (bytes: number) => `${Math.round(bytes / MiB)} MB`;
const fmtKiB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Targets by corpus size: cold build, daily rebuild, peak RSS. */
const SIZE_TARGETS: Record<number, { coldMs: number; dailyMs: number; rssBytes: number }> = {
  1000: { coldMs: 8_000, dailyMs: 4_000, rssBytes: 700 * MiB },
  10000: { coldMs: 22_000, dailyMs: 5_000, rssBytes: 1.2 * 1024 * MiB },
  30000: { coldMs: 70_000, dailyMs: 10_000, rssBytes: 2 * 1024 * MiB },
};
const PAPER_PAGE_LIMIT = 12 * 1024;
const SEARCH_BYTES_LIMIT = 200 * 1024;
const SEARCH_MS_LIMIT = 150;
/** "Time per paper not growing with N": within 10 % of the next smaller N's, to allow for noise. */
const PER_PAPER_TOLERANCE = 1.1;

export async function readResults(): Promise<BenchResult[]> {
  const names = (await readdir(resultsDir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  const results: BenchResult[] = [];
  for (const name of names) {
    try {
      const result = JSON.parse(await readFile(join(resultsDir, name), 'utf8')) as BenchResult;
      if (result.version === 1) results.push(result);
    } catch {
      // not a result file
    }
  }
  return results;
}

/** The latest result per (source, N). */
export function latestResults(results: readonly BenchResult[]): BenchResult[] {
  const latest = new Map<string, BenchResult>();
  for (const result of results) {
    const key = `${result.options.source}\0${result.options.papers}`;
    const known = latest.get(key);
    if (!known || known.date <= result.date) latest.set(key, result);
  }
  return [...latest.values()].sort((a, b) => a.options.source.localeCompare(b.options.source) || a.options.papers - b.options.papers);
}

export function checkTargets(result: Omit<BenchResult, 'targets'>, earlier: readonly BenchResult[]): TargetCheck[] {
  const n = result.options.papers;
  const size = SIZE_TARGETS[n];
  const checks: TargetCheck[] = [];
  checks.push({ name: `cold build (${n})`, value: fmtS(result.cold.wallMs), limit: size ? `≤ ${fmtS(size.coldMs)}` : 'no target at this N', pass: size ? result.cold.wallMs <= size.coldMs : undefined });
  if (result.daily?.import.importError) {
    checks.push({ name: `daily import (${n} + ${result.daily.import.papers})`, value: result.daily.import.importError, limit: 'succeeds', pass: false });
  }
  if (result.daily) {
    const ms = result.daily.build.wallMs;
    checks.push({ name: `daily rebuild (${n} + ${result.daily.import.papers})`, value: fmtS(ms), limit: size ? `≤ ${fmtS(size.dailyMs)}` : 'no target at this N', pass: size ? ms <= size.dailyMs : undefined });
  }
  if (result.daily?.nextDay) {
    const ms = result.daily.nextDay.build.wallMs;
    checks.push({ name: `daily rebuild, next day (${n} + ${result.daily.nextDay.import.papers}, within the month)`, value: fmtS(ms), limit: size ? `≤ ${fmtS(size.dailyMs)}` : 'no target at this N', pass: size ? ms <= size.dailyMs : undefined });
  }
  const peak = Math.max(result.cold.rss.peakBytes, result.daily?.build.rss.peakBytes ?? 0, result.daily?.nextDay?.build.rss.peakBytes ?? 0);
  checks.push({ name: `peak RSS (${n})`, value: fmtMiB(peak), limit: size ? `≤ ${fmtMiB(size.rssBytes)}` : 'no target at this N', pass: size ? peak <= size.rssBytes : undefined });
  // Issue 14: at 10k, against Hugo + Pagefind on the same corpus in the same run.
  if (result.hugo && n === 10000) {
    const hugoPeak = Math.max(result.hugo.cold.peakRssBytes, result.hugo.daily.peakRssBytes);
    checks.push({ name: 'peak RSS vs Hugo + Pagefind', value: `${fmtMiB(peak)} vs ${fmtMiB(hugoPeak)}`, limit: '≤ 1.0×', pass: peak <= hugoPeak });
    for (const [name, build] of [['daily rebuild', result.daily?.build], ['daily rebuild, next day', result.daily?.nextDay?.build]] as const) {
      if (!build) continue;
      checks.push({
        name: `${name} vs Hugo + Pagefind daily`,
        value: `${fmtS(build.wallMs)} vs ${fmtS(result.hugo.daily.wallMs)} (${(build.wallMs / result.hugo.daily.wallMs).toFixed(2)}×)`,
        limit: '≤ 0.25×',
        pass: build.wallMs <= 0.25 * result.hugo.daily.wallMs,
      });
    }
  }

  // Against the next smaller N measured from the same source: per-paper time must not rise step to step.
  const smaller = earlier
    .filter((other) => other.options.source === result.options.source && other.options.papers < n)
    .sort((a, b) => b.options.papers - a.options.papers || b.date.localeCompare(a.date))[0];
  checks.push({
    name: 'time per paper not growing with N',
    value: `${result.msPerPaper.toFixed(2)} ms/paper at ${n}` + (smaller ? ` vs ${smaller.msPerPaper.toFixed(2)} at ${smaller.options.papers}` : ''),
    limit: `≤ ${PER_PAPER_TOLERANCE}× the next smaller N's`,
    pass: smaller ? result.msPerPaper <= smaller.msPerPaper * PER_PAPER_TOLERANCE : undefined,
  });

  const paper = result.weights.find((weight) => weight.name === 'paper');
  if (paper) {
    checks.push({
      name: 'paper page HTML+CSS',
      value: `${fmtKiB(paper.htmlCssBytes)} (${fmtKiB(paper.htmlCssGzipBytes)} gzipped)`,
      limit: `≤ ${fmtKiB(PAPER_PAGE_LIMIT)}`,
      pass: paper.htmlCssBytes <= PAPER_PAGE_LIMIT,
    });
  }
  const reading = result.weights.filter((weight) => weight.name !== 'search');
  if (reading.length > 0) {
    const js = reading.reduce((sum, weight) => sum + weight.jsBytes, 0);
    checks.push({
      name: `JS on reading pages (${reading.map((weight) => weight.name).join(', ')})`,
      value: `${js} B`,
      limit: '0 B',
      pass: js === 0,
    });
  }
  if (result.search) {
    const atTarget = n === 10000;
    const median = result.search.median;
    const failed = result.search.queries.filter((query) => query.error !== undefined);
    if (failed.length > 0) {
      checks.push({
        name: 'search shows results',
        value: `${failed.length} of ${result.search.queries.length} queries showed none: ${failed[0]!.error}`,
        limit: 'every query',
        pass: false,
      });
    }
    if (median) {
      checks.push({
        name: `search bytes per query (median, ${n})`,
        value: `${fmtKiB(median.bytes)} (${fmtKiB(median.bytesIfCompressed)} if text is gzipped)`,
        limit: atTarget ? `≤ ${fmtKiB(SEARCH_BYTES_LIMIT)}` : 'target is at 10k',
        pass: atTarget ? median.bytes <= SEARCH_BYTES_LIMIT : undefined,
      });
      checks.push({
        name: `search first result (median, ${n})`,
        value: `${Math.round(median.firstResultMs)} ms`,
        limit: atTarget ? `≤ ${SEARCH_MS_LIMIT} ms` : 'target is at 10k',
        pass: atTarget ? median.firstResultMs <= SEARCH_MS_LIMIT : undefined,
      });
    }
  }
  return checks;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
}

const verdict = (pass: boolean | undefined) => (pass === undefined ? 'info' : pass ? 'PASS' : 'FAIL');

/** The report printed at the end of a run. */
export function formatReport(result: BenchResult): string {
  const lines: string[] = [];
  const { corpus, cold } = result;
  lines.push(`papertide bench: ${result.options.papers} papers from ${result.options.source} (code ${result.code.commit}${result.code.changed.length ? ` + ${result.code.changed.length} changed files` : ''})`);
  lines.push(`corpus: ${corpus.papers} papers, ${corpus.digests} digests (${corpus.oldestDate} … ${corpus.newestDate}), ${corpus.repetitions} repetition(s), written by ${corpus.method} in ${fmtS(corpus.importMs)}${corpus.cached ? ' (cached)' : ''}`);
  if (corpus.methodNote) lines.push(`  note: ${corpus.methodNote}`);
  lines.push('');
  const builds: Array<[string, BuildSummary]> = [['cold build', cold]];
  if (result.daily) {
    builds.push([`daily rebuild (+${result.daily.import.papers} papers, import ${fmtS(result.daily.import.importMs)} by ${result.daily.import.method})`, result.daily.build]);
    if (result.daily.unchanged) builds.push(['rebuild with nothing changed', result.daily.unchanged]);
    if (result.daily.nextDay) builds.push([`daily rebuild, next day (+${result.daily.nextDay.import.papers} papers, within the month)`, result.daily.nextDay.build]);
    if (result.daily.import.importError) lines.push(`WARNING: the daily import failed: ${result.daily.import.importError}\n`);
  }
  if (result.hugo) {
    for (const [name, run] of [['cold', result.hugo.cold], ['daily', result.hugo.daily]] as const) {
      lines.push(`Hugo + Pagefind ${name}: ${fmtS(run.wallMs)} (hugo ${fmtS(run.hugo.wallMs)}, ${fmtMiB(run.hugo.peakRssBytes)}; pagefind ${fmtS(run.pagefind.wallMs)}, ${fmtMiB(run.pagefind.peakRssBytes)})`);
    }
    lines.push('');
  }
  for (const [name, build] of builds) {
    lines.push(`${name}: ${fmtS(build.wallMs)} wall, peak RSS ${fmtMiB(build.rss.peakBytes)} (in ${build.rss.peakPhase ?? '?'}; ${Object.entries(build.rss.peakByProcess).map(([process, bytes]) => `${process} ${fmtMiB(bytes)}`).join(', ')}), ${build.output.htmlPages} HTML pages, dist ${fmtMiB(build.output.distBytes)}`);
    lines.push(
      `  CPU ${fmtS(build.cpu.buildMs)} (${(build.cpu.buildMs / build.wallMs).toFixed(2)} cores on average of ${build.cpu.cores})` +
        ` [${Object.entries(build.cpu.byProcess ?? {})
          .map(([process, ms]) => `${process} ${fmtS(ms)}`)
          .join(', ')}]` +
        (build.cpu.otherCores > 0.2 ? `; WARNING: other processes took ${build.cpu.otherCores.toFixed(2)} cores meanwhile, times are inflated` : `; other processes ${build.cpu.otherCores.toFixed(2)} cores`),
    );
    lines.push(
      table([
        ['phase', 'time', 'share', 'peak RSS', 'by process'],
        ...build.phases.map((phase) => [
          phase.name,
          fmtS(phase.ms),
          `${Math.round((phase.ms / build.wallMs) * 100)}%`,
          phase.peakRssBytes > 0 ? fmtMiB(phase.peakRssBytes) : '–',
          Object.entries(phase.peakRssByProcess)
            .filter(([, bytes]) => bytes >= 64 * MiB)
            .map(([process, bytes]) => `${process} ${fmtMiB(bytes)}`)
            .join(', '),
        ]),
      ])
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    );
    const r = build.reported;
    lines.push(
      `  of which: first page ${r.firstPageAfterMs !== undefined ? Math.round(r.firstPageAfterMs) : '?'} ms after render start (collections + site model ${r.siteModelMs ?? '?'} ms + related papers ${r.relatedMs ?? '?'} ms), Pagefind writing at build:done ${r.pagefindWriteMs ?? '?'} ms; Astro says ${r.pagesBuilt ?? '?'} pages in ${r.pagesBuiltMs !== undefined ? fmtS(r.pagesBuiltMs) : '?'}, vite ${r.viteMs.map((ms) => `${ms} ms`).join(' + ')}, render ${r.renderMs !== undefined ? fmtS(r.renderMs) : '?'}`,
    );
    lines.push(`  cache dir ${fmtMiB(build.output.cacheDirBytes)} (data store ${fmtMiB(build.output.dataStoreBytes)}), Pagefind bundle ${fmtMiB(build.output.pagefindBytes)} in ${build.output.pagefindFiles} files, ${build.warnings} warnings (${build.moduleDirectiveWarnings} MODULE_LEVEL_DIRECTIVE)`);
    lines.push(
      table([
        ['route', 'pages', 'total', 'mean', 'p50', 'p95', 'max'],
        ...build.routes
          .slice(0, 8)
          .map((route) => [route.route, String(route.pages), fmtS(route.totalMs), `${route.meanMs.toFixed(2)} ms`, `${route.p50Ms} ms`, `${route.p95Ms} ms`, `${route.maxMs} ms`]),
      ])
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    );
    lines.push('');
  }
  lines.push(`ms per paper (cold): ${result.msPerPaper.toFixed(2)}`);
  if (result.profile) {
    lines.push('');
    lines.push(`data layer profile (${result.profile.papers} papers, each step on its own, outside Astro; model heap ${result.profile.modelHeapBytes !== undefined ? fmtMiB(result.profile.modelHeapBytes) : '?'})`);
    lines.push(
      table([['step', 'total', 'per paper'], ...result.profile.steps.map((step) => [step.step, `${Math.round(step.ms)} ms`, `${step.perPaperMs.toFixed(3)} ms`])])
        .split('\n')
        .map((line) => `  ${line}`)
        .join('\n'),
    );
  }
  lines.push('');
  lines.push('page weight (raw bytes; gzipped in brackets; inline CSS and JSON-LD are part of the HTML)');
  lines.push(
    table([
      ['page', 'path', 'HTML', '(inline CSS)', '(JSON-LD)', 'linked CSS', 'HTML+CSS', 'JS'],
      ...result.weights.map((weight) => [
        weight.name,
        weight.path.length > 40 ? `${weight.path.slice(0, 37)}...` : weight.path,
        fmtKiB(weight.htmlBytes),
        fmtKiB(weight.inlineCssBytes),
        fmtKiB(weight.jsonLdBytes),
        fmtKiB(weight.htmlCssBytes - weight.htmlBytes),
        `${fmtKiB(weight.htmlCssBytes)} (${fmtKiB(weight.htmlCssGzipBytes)})`,
        `${fmtKiB(weight.jsBytes)} (${fmtKiB(weight.jsGzipBytes)})`,
      ]),
    ]),
  );
  if (result.search) {
    lines.push('');
    lines.push('search (fresh browser context per query)');
    if (result.searchOnly) {
      lines.push(`  measured again ${result.searchOnly.date.slice(0, 16)} with code ${result.searchOnly.code.commit}${result.searchOnly.code.changed.length ? '+' : ''} on the site ${result.searchOnly.site}`);
    }
    lines.push(
      table([
        ['query', 'first result', 'requests', 'bytes', 'if gzipped', 'pagefind', 'results'],
        ...result.search.queries.map((query) => [
          query.query,
          `${Math.round(query.firstResultMs)} ms`,
          String(query.requests),
          fmtKiB(query.bytes),
          fmtKiB(query.bytesIfCompressed),
          `${fmtKiB(query.pagefindBytes)} / ${query.pagefindRequests}`,
          query.error ?? query.results,
        ]),
        ...(result.search.median
          ? [[
              'median',
              `${Math.round(result.search.median.firstResultMs)} ms`,
              String(result.search.median.requests),
              fmtKiB(result.search.median.bytes),
              fmtKiB(result.search.median.bytesIfCompressed),
              fmtKiB(result.search.median.pagefindBytes),
              '',
            ]]
          : []),
      ]),
    );
  }
  if (result.search && result.search.queries.length > 0) {
    const kinds = [...new Set(result.search.queries.flatMap((query) => Object.keys(query.byKind)))];
    const mid = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    lines.push(
      `  bytes by kind (median over queries): ${kinds
        .map((kind) => `${kind} ${fmtKiB(mid(result.search!.queries.map((query) => query.byKind[kind]?.bytes ?? 0)))}`)
        .join(', ')}`,
    );
  }
  lines.push('');
  lines.push('targets');
  lines.push(table([['', 'target', 'value', 'limit'], ...result.targets.map((check) => [verdict(check.pass), check.name, check.value, check.limit])]));
  return lines.join('\n');
}

const START = '<!-- bench:results:start (generated by npm run bench; edits between these markers are overwritten) -->';
const END = '<!-- bench:results:end -->';

function phaseMs(build: BuildSummary, name: string): number | undefined {
  return build.phases.find((phase) => phase.name === name)?.ms;
}

/** The generated part of bench/README.md: one row per (source, N), the latest run of each. */
export function resultsMarkdown(results: readonly BenchResult[]): string {
  const latest = latestResults(results);
  if (latest.length === 0) return 'No results yet: run `npm run bench`.';
  const s = (ms: number | undefined) => (ms === undefined ? '–' : (ms / 1000).toFixed(1));
  const rows = latest.map((result) => {
    const { cold } = result;
    const paper = result.weights.find((weight) => weight.name === 'paper');
    const reading = result.weights.filter((weight) => weight.name !== 'search').reduce((sum, weight) => sum + weight.jsBytes, 0);
    const failed = result.targets.filter((check) => check.pass === false).length;
    const passed = result.targets.filter((check) => check.pass === true).length;
    return [
      String(result.options.papers),
      result.options.source.replace(/^.*\/(?=[^/]+\/?$)/, ''),
      s(cold.wallMs),
      result.msPerPaper.toFixed(2),
      s(phaseMs(cold, 'content sync')),
      s(phaseMs(cold, 'bundle (vite)')),
      s(phaseMs(cold, 'render pages')),
      s(cold.reported.relatedMs),
      s(cold.reported.pagefindWriteMs ?? phaseMs(cold, 'pagefind')),
      String(Math.round(cold.rss.peakBytes / MiB)),
      String(cold.output.htmlPages),
      String(Math.round(cold.output.distBytes / MiB)),
      String(Math.round(cold.output.dataStoreBytes / MiB)),
      result.daily ? s(result.daily.build.wallMs) : '–',
      result.daily?.nextDay ? s(result.daily.nextDay.build.wallMs) : '–',
      result.daily?.unchanged ? s(result.daily.unchanged.wallMs) : '–',
      result.daily ? String(Math.round(Math.max(result.daily.build.rss.peakBytes, result.daily.nextDay?.build.rss.peakBytes ?? 0) / MiB)) : '–',
      result.hugo ? `${s(result.hugo.cold.wallMs)} / ${s(result.hugo.daily.wallMs)}` : '–',
      result.hugo ? String(Math.round(Math.max(result.hugo.cold.peakRssBytes, result.hugo.daily.peakRssBytes) / MiB)) : '–',
      paper ? (paper.htmlCssBytes / 1024).toFixed(1) : '–',
      String(reading),
      result.search?.median ? (result.search.median.bytes / 1024).toFixed(0) : result.search ? 'failed' : '–',
      result.search?.median ? String(Math.round(result.search.median.firstResultMs)) : result.search ? 'failed' : '–',
      `${passed} pass, ${failed} fail`,
      `${result.date.slice(0, 16).replace('T', ' ')} ${result.code.commit}${result.code.changed.length ? '+' : ''}`,
    ];
  });
  const header = [
    'N',
    'source',
    'cold s',
    'ms/paper',
    'sync s',
    'bundle s',
    'render s',
    'related s',
    'Pagefind s',
    'peak RSS MB',
    'HTML pages',
    'dist MB',
    'data store MB',
    'daily s (1st of month)',
    'daily s (next day)',
    'rebuild, nothing changed s',
    'daily RSS MB',
    'Hugo + Pagefind cold / daily s',
    'Hugo + Pagefind peak MB',
    'paper page KB',
    'reading-page JS B',
    'search KB/query',
    'first result ms',
    'targets',
    'run (UTC), commit',
  ];
  const machines = [...new Set(latest.map((result) => {
    const m = result.machine;
    return `${m.cpus} CPUs (${m.cpuModel}), ${Math.round(m.memoryBytes / 1024 / MiB)} GB RAM, Linux ${m.kernel}; Node ${m.node}, Astro ${m.astro}, Pagefind ${m.pagefind}${m.chromium ? `, Chromium ${m.chromium}` : ''}`;
  }))];
  return [
    `Machine: ${machines.join(' / ')}.`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, index) => (index < 2 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    'Times are wall-clock seconds of `astro build` (including Pagefind); phases are derived from the time each log line arrived. RSS is VmRSS summed over the build process and all its children, polled every 50 ms. "daily" is the rebuild after adding one 70-paper digest with the caches kept; "nothing changed" is one more rebuild right after it. Full figures: `bench/results/*.json`.',
  ].join('\n');
}

const README_TEMPLATE = `# Benchmark

\`\`\`sh
npm run bench -- [--papers N] [--source DIR] [--daily] [--search]
\`\`\`

## Results

${START}
${END}
`;

/** Rewrites the results block of bench/README.md from every result file. */
export async function updateReadme(results: readonly BenchResult[]): Promise<void> {
  let text = await readFile(readmePath, 'utf8').catch(() => README_TEMPLATE);
  if (!text.includes(START) || !text.includes(END)) text = `${text.trimEnd()}\n\n## Results\n\n${START}\n${END}\n`;
  const before = text.slice(0, text.indexOf(START) + START.length);
  const after = text.slice(text.indexOf(END));
  await writeFile(readmePath, `${before}\n${resultsMarkdown(results)}\n${after}`);
}

export async function writeResult(result: BenchResult, fileName: string): Promise<string> {
  const path = join(resultsDir, fileName);
  await writeFile(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}
