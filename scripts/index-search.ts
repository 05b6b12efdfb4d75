/**
 * npm run build's second step: indexes the search records `astro build` wrote
 * (src/integrations/search/index-shards.ts). Reads OUT_DIR and CACHE_DIR as the
 * build does.
 */
import { buildPaths } from '#/integrations/build-paths.ts';
import { indexSearchShards } from '#/integrations/search/index-shards.ts';

const started = performance.now();
// If Pagefind's process dies (it panics on some I/O errors), the call being awaited
// never settles and Node would run out of work and exit 0: fail instead.
const onCrash = () => {
  console.error('[papertide:search] Pagefind stopped without answering; the search index was not written.');
  process.exitCode = 1;
};
process.once('beforeExit', onCrash);
try {
  const reports = await indexSearchShards(buildPaths(), (line) => console.log(`[papertide:search] ${line}`));
  const indexed = reports.filter((report) => !report.kept);
  const papers = reports.reduce((sum, report) => sum + report.records, 0);
  console.log(
    `[papertide:search] ${papers} papers in ${reports.length} shard(s), ${indexed.length} indexed, ${reports.length - indexed.length} kept: ${Math.round(performance.now() - started)} ms`,
  );
} catch (error) {
  console.error(`[papertide:search] ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  process.off('beforeExit', onCrash);
}
