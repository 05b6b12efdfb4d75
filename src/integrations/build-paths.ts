import { resolve } from 'node:path';
import { PAPER_CACHE_FILE } from '#/lib/paper-cache-file.ts';

/**
 * Where a build writes, from the environment (OUT_DIR, CACHE_DIR, as
 * astro.config.mjs reads them) and relative to the project root: shared by the
 * Astro config and the search indexing step that runs after `astro build`.
 */
export function buildPaths(env: NodeJS.ProcessEnv = process.env, root = process.cwd()) {
  const outDir = resolve(root, env.OUT_DIR || 'dist');
  const cacheDir = resolve(root, env.CACHE_DIR || 'node_modules/.astro');
  return {
    outDir,
    cacheDir,
    /** The paper loader's papers: front matter and rendered abstracts (src/lib/paper-cache-file.ts). */
    paperCache: resolve(cacheDir, PAPER_CACHE_FILE),
    /** The search records the build writes while rendering, one file per shard. */
    searchRecords: resolve(cacheDir, 'papertide-search-records'),
    /** What each shard's index in the output folder was built from. */
    searchState: resolve(cacheDir, 'papertide-search-index.json'),
    /** The hot shard's Pagefind bundle; archive shards in `archive/<quarter>/` inside it. */
    searchOutput: resolve(outDir, 'pagefind'),
  };
}

export type BuildPaths = ReturnType<typeof buildPaths>;
