import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { RssSampler, systemCpuTicks, TICK_MS } from './proc.ts';
import { npmScript } from './npm-script.ts';
import { repoRoot } from './paths.ts';

export interface BuildOptions {
  label: string;
  contentDir: string;
  outDir: string;
  cacheDir: string;
  /** Every output line, prefixed with ms since the build started. */
  logFile: string;
  siteUrl?: string;
}

export interface Phase {
  name: string;
  startMs: number;
  endMs: number;
  ms: number;
  /** Peak RSS of the whole process tree during the phase. */
  peakRssBytes: number;
  /** Peak RSS of each process (by name) during the phase. */
  peakRssByProcess: Record<string, number>;
}

export interface RouteStats {
  route: string;
  pages: number;
  totalMs: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export interface BuildResult {
  label: string;
  exitCode: number | null;
  wallMs: number;
  phases: Phase[];
  /** Figures the build prints about itself (Astro's, and our integrations' such as `[papertide:timings]`). */
  reported: {
    typesMs?: number;
    collectMs?: number;
    viteMs: number[];
    renderMs?: number;
    pagesBuilt?: number;
    pagesBuiltMs?: number;
    siteModelMs?: number;
    relatedMs?: number;
    /** The search indexing step after `astro build` (scripts/index-search.ts): its own time, papers, shards indexed and kept. */
    pagefindWriteMs?: number;
    pagefindPages?: number;
    searchShards?: { indexed: number; kept: number };
    /** From "generating static routes" to the first page written: loading the collections, the site model, related papers, getStaticPaths. */
    firstPageAfterMs?: number;
  };
  /**
   * CPU time: the build's process tree, and everything else on the machine in
   * the same interval. `otherCores` is the second over the wall time: how many
   * cores other work took on average (0 on a quiet machine).
   */
  cpu: { buildMs: number; otherMs: number; otherCores: number; cores: number; byProcess: Record<string, number> };
  rss: {
    peakBytes: number;
    peakAtMs: number;
    peakPhase: string | undefined;
    /** Peak of each process name (node, pagefind, …) on its own. */
    peakByProcess: Record<string, number>;
    samples: number;
  };
  /** Per-page render times from Astro's `├─ /path (+Xms)` lines, grouped by route. */
  routes: RouteStats[];
  /** Warnings in the output, and how many were the per-paper `MODULE_LEVEL_DIRECTIVE` one. */
  warnings: number;
  moduleDirectiveWarnings: number;
  outputLines: number;
  logFile: string;
  /** The last lines of output, kept for a failed build's report. */
  tail: string[];
}

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
/** Astro prefixes most lines with the wall-clock time. */
const CLOCK = /^\d\d:\d\d:\d\d /;

function durationMs(value: string, unit: string): number {
  const n = Number(value);
  if (unit === 's') return n * 1000;
  if (unit === 'm') return n * 60_000;
  return n;
}

function routeOf(path: string): string {
  if (/^\/papers\/[^/]+\/index\.html$/.test(path)) return 'paper';
  if (/^\/digests\/\d{4}-\d{2}-\d{2}\/index\.html$/.test(path)) return 'digest';
  if (/^\/digests\/\d{4}-\d{2}-\d{2}\/email\.(html|txt)$/.test(path)) return 'digest email';
  if (/^\/topics\/[^/]+\/(\d+\/)?index\.html$/.test(path)) return 'topic page';
  if (/^\/topics\/[^/]+\/rss\.xml$/.test(path)) return 'topic feed';
  if (/^\/digests\/(\d+\/)?index\.html$/.test(path)) return 'digest archive';
  return path;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/**
 * Runs the production build (`astro build` and the search indexing step, as `npm run build` does) on the
 * given content, timestamping every output line as it arrives and polling the
 * process tree's RSS, and derives the phase times from Astro's log lines.
 */
export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CONTENT_DIR: options.contentDir,
    OUT_DIR: options.outDir,
    CACHE_DIR: options.cacheDir,
    SITE_URL: options.siteUrl ?? 'https://papers.example.org',
    BASE_PATH: '/',
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
  const log = createWriteStream(options.logFile);
  const systemBefore = systemCpuTicks();
  const origin = performance.now();
  // `npm run build`: `astro build`, then the search indexing step (memory is sampled over both).
  const build = npmScript(repoRoot, 'build', env);
  const child = spawn('/bin/sh', ['-c', build.command], {
    cwd: repoRoot,
    env: build.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const sampler = new RssSampler(child.pid!, origin);
  sampler.start(50);

  const events = new Map<string, number>();
  const mark = (name: string, t: number) => {
    if (!events.has(name)) events.set(name, t);
  };
  const reported: BuildResult['reported'] = { viteMs: [] };
  const pageTimes = new Map<string, number[]>();
  let pagefindFirst: number | undefined;
  let pagefindLast: number | undefined;
  let warnings = 0;
  let moduleDirectiveWarnings = 0;
  let outputLines = 0;
  const tail: string[] = [];

  const onLine = (raw: string) => {
    const t = performance.now() - origin;
    outputLines++;
    log.write(`${t.toFixed(0).padStart(7)} ${raw}\n`);
    const line = raw.replace(ANSI, '');
    tail.push(line);
    if (tail.length > 40) tail.shift();

    const timing = /\[papertide:timings\] (site model|related papers): (\d+) ms/.exec(line);
    if (timing) {
      if (timing[1] === 'site model') reported.siteModelMs = Number(timing[2]);
      else reported.relatedMs = Number(timing[2]);
      return;
    }
    const text = line.replace(CLOCK, '');

    if (/\[WARN\]/.test(text)) warnings++;
    if (/MODULE_LEVEL_DIRECTIVE/.test(text)) moduleDirectiveWarnings++;
    if (/\[content\] Syncing content/.test(text)) mark('syncStart', t);
    if (/\[content\] Synced content/.test(text)) mark('syncEnd', t);
    const types = /\[types\] Generated (\d+(?:\.\d+)?)(ms|s)/.exec(text);
    if (types) reported.typesMs = durationMs(types[1]!, types[2]!);
    if (/\[build\] Collecting build info/.test(text)) mark('collectStart', t);
    const completed = /^(\[build\] )?✓ Completed in (\d+(?:\.\d+)?)(ms|s)/.exec(text);
    if (completed) {
      const ms = durationMs(completed[2]!, completed[3]!);
      if (!events.has('collectEnd')) {
        mark('collectEnd', t);
        reported.collectMs = ms;
      } else if (events.has('renderStart') && !completed[1] && !events.has('renderEnd')) {
        mark('renderEnd', t);
        reported.renderMs = ms;
      }
    }
    const vite = /\[vite\] ✓ built in (\d+(?:\.\d+)?)(ms|s)/.exec(text);
    if (vite) reported.viteMs.push(durationMs(vite[1]!, vite[2]!));
    if (/generating static routes/.test(text)) mark('renderStart', t);
    // Astro empties the output folder (synchronously) right before this line.
    if (/\[build\] Building static entrypoints/.test(text)) mark('entrypointsStart', t);
    const page = /^\s*[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(text);
    if (page) {
      if (reported.firstPageAfterMs === undefined && events.has('renderStart')) reported.firstPageAfterMs = t - events.get('renderStart')!;
      const route = routeOf(page[1]!);
      let list = pageTimes.get(route);
      if (!list) pageTimes.set(route, (list = []));
      list.push(durationMs(page[2]!, page[3]!));
    }
    if (/\[papertide:search\]/.test(text)) {
      pagefindFirst ??= t;
      pagefindLast = t;
      const written = /(\d+) papers in \d+ shard\(s\), (\d+) indexed, (\d+) kept: (\d+) ms/.exec(text);
      if (written) {
        reported.pagefindPages = Number(written[1]);
        reported.searchShards = { indexed: Number(written[2]), kept: Number(written[3]) };
        reported.pagefindWriteMs = Number(written[4]);
      }
    }
    const built = /\[build\] (\d+) page\(s\) built in (\d+(?:\.\d+)?)(ms|s|m)/.exec(text);
    if (built) {
      reported.pagesBuilt = Number(built[1]);
      reported.pagesBuiltMs = durationMs(built[2]!, built[3]!);
    }
    if (/\[build\] Complete!/.test(text)) mark('complete', t);
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);

  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  const wallMs = performance.now() - origin;
  const systemAfter = systemCpuTicks();
  sampler.stop();
  const buildCpuMs = sampler.cpuMs();
  const systemBusyMs = (systemAfter.busy - systemBefore.busy) * TICK_MS;
  const cores = (systemAfter.total - systemBefore.total) * TICK_MS / wallMs;
  const otherMs = Math.max(0, systemBusyMs - buildCpuMs);
  await new Promise<void>((resolve) => log.end(resolve));

  if (pagefindLast !== undefined) {
    // The indexing step logs when it finishes, with how long it took (Node's start-up before it is in 'exit').
    const start = reported.pagefindWriteMs !== undefined ? pagefindLast - reported.pagefindWriteMs : pagefindFirst!;
    mark('pagefindStart', Math.max(start, events.get('complete') ?? 0));
  }
  const boundaries: Array<[string, number | undefined]> = [
    ['startup', 0],
    ['content sync', events.get('syncStart')],
    ['types & config', events.get('syncEnd')],
    ['collect build info', events.get('collectStart')],
    ['empty outDir', events.get('collectEnd')],
    ['bundle (vite)', events.get('entrypointsStart')],
    ['render pages', events.get('renderStart')],
    ['sitemap & hooks', events.get('renderEnd')],
    ['exit', events.get('complete')],
    ['pagefind', events.get('pagefindStart')],
    ['', wallMs],
  ];
  const defined = boundaries.filter((entry): entry is [string, number] => entry[1] !== undefined);
  const phases: Phase[] = [];
  for (let i = 0; i + 1 < defined.length; i++) {
    const [name, startMs] = defined[i]!;
    const endMs = defined[i + 1]![1];
    const peakRssByProcess: Record<string, number> = {};
    for (const sample of sampler.samples) {
      if (sample.t < startMs || sample.t > endMs) continue;
      for (const [process, bytes] of Object.entries(sample.byName)) {
        if (bytes >= 4 * 1024 * 1024) peakRssByProcess[process] = Math.max(peakRssByProcess[process] ?? 0, bytes);
      }
    }
    phases.push({ name, startMs, endMs, ms: endMs - startMs, peakRssBytes: sampler.peak(startMs, endMs)?.totalBytes ?? 0, peakRssByProcess });
  }

  const routes: RouteStats[] = [...pageTimes.entries()]
    .map(([route, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      const totalMs = sorted.reduce((sum, ms) => sum + ms, 0);
      return {
        route,
        pages: sorted.length,
        totalMs,
        meanMs: totalMs / sorted.length,
        p50Ms: percentile(sorted, 0.5),
        p95Ms: percentile(sorted, 0.95),
        maxMs: sorted.at(-1) ?? 0,
      };
    })
    .sort((a, b) => b.totalMs - a.totalMs);

  const peak = sampler.peak();
  const peakByProcess: Record<string, number> = {};
  for (const sample of sampler.samples) {
    for (const [name, bytes] of Object.entries(sample.byName)) peakByProcess[name] = Math.max(peakByProcess[name] ?? 0, bytes);
  }
  // Processes caught between fork and exec (no command line yet, a few kB) say nothing.
  for (const [name, bytes] of Object.entries(peakByProcess)) if (bytes < 4 * 1024 * 1024) delete peakByProcess[name];
  return {
    label: options.label,
    exitCode,
    wallMs,
    phases,
    reported,
    cpu: {
      buildMs: buildCpuMs,
      otherMs,
      otherCores: otherMs / wallMs,
      cores: Math.round(cores),
      byProcess: Object.fromEntries(Object.entries(sampler.cpuMsByName()).filter(([, ms]) => ms >= 50)),
    },
    rss: {
      peakBytes: peak?.totalBytes ?? 0,
      peakAtMs: peak?.t ?? 0,
      peakPhase: peak ? phases.find((phase) => peak.t >= phase.startMs && peak.t <= phase.endMs)?.name : undefined,
      peakByProcess,
      samples: sampler.samples.length,
    },
    routes,
    warnings,
    moduleDirectiveWarnings,
    outputLines,
    logFile: options.logFile,
    tail,
  };
}
