import { rm } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './search-records.ts';

interface IndexRun {
  /** Settles once Pagefind has taken every record and written the index. */
  written: Promise<void>;
  records: number;
  /** How long feeding and writing took, for the build log. */
  ms?: number;
}

/**
 * The build hooks and the page renderer run in one process but in different
 * module graphs (the Astro config and the prerender bundle), so the output
 * folder and the running index are handed over through globals.
 */
const OUTPUT = Symbol.for('papertide.search-index.output');
const RUN = Symbol.for('papertide.search-index');
type WithRun = typeof globalThis & { [OUTPUT]?: string; [RUN]?: IndexRun };

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n  ${response.errors.join('\n  ')}`);
  return response;
}

/** Where the index of this build goes: called by the integration before pages render. */
export function setSearchIndexOutput(outputPath: string): void {
  (globalThis as WithRun)[OUTPUT] = outputPath;
}

/**
 * Builds the whole index as soon as the data is joined, while pages render:
 * Pagefind works in its own process on the other core, fed from the data layer
 * instead of re-reading every built page, and writes its files before the
 * pages are done, so the build does not wait for it at the end.
 */
export function startSearchIndex(records: readonly SearchRecord[]): void {
  const outputPath = (globalThis as WithRun)[OUTPUT];
  if (!outputPath) throw new Error('no output folder for the search index: is the papertide:pagefind integration in astro.config.mjs?');
  const run: IndexRun = { written: Promise.resolve(), records: records.length };
  run.written = (async () => {
    const started = performance.now();
    const { index } = check('create an index', await pagefind.createIndex({}));
    if (!index) throw new Error('Pagefind created no index');
    for (const record of records) check(`index ${record.url}`, await index.addCustomRecord(record));
    // The output folder is kept between builds, and Pagefind leaves files it would write unchanged untouched:
    // start from an empty folder so that what is there afterwards is exactly this index.
    await rm(outputPath, { recursive: true, force: true });
    check('write the index', await index.writeFiles({ outputPath }));
    run.ms = performance.now() - started;
  })();
  // Rejections are reported when the build hook awaits the run; until then they must not crash rendering.
  run.written.catch(() => {});
  (globalThis as WithRun)[RUN] = run;
}

/** Waits for the index started while pages rendered. */
export async function finishSearchIndex(): Promise<{ records: number; ms: number }> {
  const run = (globalThis as WithRun)[RUN];
  if (!run) throw new Error('no search index was started: the data layer never ran, or ran in another process');
  try {
    await run.written;
    return { records: run.records, ms: run.ms ?? 0 };
  } finally {
    delete (globalThis as WithRun)[RUN];
    await pagefind.close();
  }
}
