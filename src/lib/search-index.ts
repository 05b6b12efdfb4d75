import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './search-records.ts';

/** Where this build's index goes, and where it notes what the index holds; set by the integration. */
export interface SearchIndexSetup {
  outputPath: string;
  stateFile: string;
  /** The lockfile: what versions of Pagefind and the rest are installed. */
  dependencies: string;
}

interface IndexRun {
  /** The filled index; undefined when the output folder already holds the index of exactly these records. */
  index: Promise<pagefind.PagefindIndex | undefined>;
  records: number;
  fingerprint: string;
}

/** What the state file says of the index in the output folder. */
interface IndexState {
  fingerprint: string;
  /** The index's pagefind-entry.json, which names its metadata by a hash of it. */
  entry: string;
}

/**
 * The build hooks and the page renderer run in one process but in different
 * module graphs (the Astro config and the prerender bundle), so the setup and
 * the running index are handed over through globals.
 */
const SETUP = Symbol.for('papertide.search-index.setup');
const RUN = Symbol.for('papertide.search-index');
type WithRun = typeof globalThis & { [SETUP]?: SearchIndexSetup; [RUN]?: IndexRun };

/** Records sent to Pagefind before waiting for its answers. */
const FEED_BATCH = 200;

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n  ${response.errors.join('\n  ')}`);
  return response;
}

export function setUpSearchIndex(setup: SearchIndexSetup): void {
  (globalThis as WithRun)[SETUP] = setup;
}

function theSetup(): SearchIndexSetup {
  const setup = (globalThis as WithRun)[SETUP];
  if (!setup) throw new Error('the search index has no output folder: is the papertide:pagefind integration in astro.config.mjs?');
  return setup;
}

async function readState(setup: SearchIndexSetup): Promise<IndexState | undefined> {
  try {
    return JSON.parse(await readFile(setup.stateFile, 'utf8')) as IndexState;
  } catch {
    return undefined;
  }
}

/** True when the output folder still holds the index that was written for this fingerprint. */
async function indexIsCurrent(setup: SearchIndexSetup, fingerprint: string): Promise<boolean> {
  const state = await readState(setup);
  if (state?.fingerprint !== fingerprint) return false;
  const entry = await readFile(join(setup.outputPath, 'pagefind-entry.json'), 'utf8').catch(() => undefined);
  return entry === state.entry;
}

/**
 * Starts indexing as soon as the data is joined, while pages render: Pagefind
 * works in its own process on the other core, fed from the data layer instead
 * of re-reading every built page afterwards. When the records are exactly
 * those of the index already in the output folder (a rebuild after a template
 * change, a day without papers), Pagefind is not started at all.
 */
export function startSearchIndex(records: readonly SearchRecord[]): void {
  const setup = theSetup();
  const fingerprint = createHash('sha256').update(setup.dependencies).update(JSON.stringify(records)).digest('hex');
  const index = (async () => {
    if (await indexIsCurrent(setup, fingerprint)) return undefined;
    // The index is written whole into an empty folder at the end: Pagefind leaves files it would write
    // unchanged untouched, and the output folder is kept between builds. The old one goes now, while
    // pages render, rather than on the way to the end (0.7 s for the 10,000 files of a 10k site).
    const emptied = Promise.all([rm(setup.outputPath, { recursive: true, force: true }), rm(setup.stateFile, { force: true })]);
    // Awaited below, after the records: until then a failure must not count as unhandled.
    emptied.catch(() => {});
    const { index } = check('create an index', await pagefind.createIndex({}));
    if (!index) throw new Error('Pagefind created no index');
    // In batches: while pages render, each answer waits for a free turn of the busy event loop, and one
    // round trip per record left the index unfinished long after the last page was written.
    for (let start = 0; start < records.length; start += FEED_BATCH) {
      const batch = records.slice(start, start + FEED_BATCH);
      const responses = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      responses.forEach((response, i) => check(`index ${batch[i]!.url}`, response));
    }
    await emptied;
    return index;
  })();
  // Rejections are reported when the build hook awaits the run; until then they must not crash rendering.
  index.catch(() => {});
  (globalThis as WithRun)[RUN] = { index, records: records.length, fingerprint };
}

/** Waits for the index started during rendering and writes it, or keeps the current one. */
export async function writeSearchIndex(): Promise<{ records: number; kept: boolean; outputPath: string }> {
  const setup = theSetup();
  const run = (globalThis as WithRun)[RUN];
  if (!run) throw new Error('no search index was started: the data layer never ran, or ran in another process');
  delete (globalThis as WithRun)[RUN];
  const index = await run.index.catch(async (error: unknown) => {
    await pagefind.close();
    throw error;
  });
  if (!index) return { records: run.records, kept: true, outputPath: setup.outputPath };
  try {
    check('write the index', await index.writeFiles({ outputPath: setup.outputPath }));
    const entry = await readFile(join(setup.outputPath, 'pagefind-entry.json'), 'utf8');
    await writeFile(setup.stateFile, JSON.stringify({ fingerprint: run.fingerprint, entry } satisfies IndexState));
    return { records: run.records, kept: false, outputPath: setup.outputPath };
  } finally {
    await pagefind.close();
  }
}
