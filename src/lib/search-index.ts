import { rm } from 'node:fs/promises';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './search-records.ts';

interface IndexRun {
  /** Resolves with the filled index once Pagefind has taken every record. */
  index: Promise<pagefind.PagefindIndex>;
  records: number;
}

/**
 * The page renderer and the build hook that writes the index run in one
 * process but in different module graphs (the prerender bundle and the Astro
 * config), so the running index is handed over through a global.
 */
const RUN = Symbol.for('papertide.search-index');
type WithRun = typeof globalThis & { [RUN]?: IndexRun };

/** Records sent to Pagefind before waiting for its answers. */
const FEED_BATCH = 200;

function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n  ${response.errors.join('\n  ')}`);
  return response;
}

/**
 * Starts indexing as soon as the data is joined, while pages render: Pagefind
 * works in its own process on the other core, fed from the data layer instead
 * of re-reading every built page afterwards.
 */
export function startSearchIndex(records: readonly SearchRecord[]): void {
  const index = (async () => {
    const { index } = check('create an index', await pagefind.createIndex({}));
    if (!index) throw new Error('Pagefind created no index');
    // In batches: while pages render, each answer waits for a free turn of the busy event loop, and one
    // round trip per record left the index unfinished long after the last page was written.
    for (let start = 0; start < records.length; start += FEED_BATCH) {
      const batch = records.slice(start, start + FEED_BATCH);
      const responses = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      responses.forEach((response, i) => check(`index ${batch[i]!.url}`, response));
    }
    return index;
  })();
  // Rejections are reported when the build hook awaits the run; until then they must not crash rendering.
  index.catch(() => {});
  (globalThis as WithRun)[RUN] = { index, records: records.length };
}

/** Waits for the index started during rendering and writes it to `outputPath`. */
export async function writeSearchIndex(outputPath: string): Promise<{ records: number }> {
  const run = (globalThis as WithRun)[RUN];
  if (!run) throw new Error('no search index was started: the data layer never ran, or ran in another process');
  try {
    const index = await run.index;
    // The output folder is kept between builds, and Pagefind leaves files it would write unchanged untouched:
    // start from an empty folder so that what is there afterwards is exactly this index.
    await rm(outputPath, { recursive: true, force: true });
    check('write the index', await index.writeFiles({ outputPath }));
    return { records: run.records };
  } finally {
    delete (globalThis as WithRun)[RUN];
    await pagefind.close();
  }
}
