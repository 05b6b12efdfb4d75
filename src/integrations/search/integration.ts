import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildPaths } from './paths.ts';

/**
 * Tells the data layer where to write the search records (see
 * src/lib/site-data.ts): `import.meta.env.PAPERTIDE_SEARCH_RECORDS`, the folder
 * the indexing step (scripts/index-search.ts, after `astro build`) reads. The
 * index itself is no part of `astro build`.
 */
export default function searchRecords(): AstroIntegration {
  return {
    name: 'papertide:search-records',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const { searchRecords: dir } = buildPaths({ CACHE_DIR: fileURLToPath(config.cacheDir) }, fileURLToPath(config.root));
        updateConfig({ vite: { define: { 'import.meta.env.PAPERTIDE_SEARCH_RECORDS': JSON.stringify(dir) } } });
      },
    },
  };
}
