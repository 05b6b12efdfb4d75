import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildPaths } from './build-paths.ts';

/**
 * Tells the data layer (src/lib/site-data.ts) where the build's own files are:
 * `import.meta.env.PAPERTIDE_PAPER_CACHE`, the paper loader's papers (front
 * matter and rendered abstracts), which the site model reads; `import.meta.env.PAPERTIDE_SEARCH_RECORDS`,
 * the folder where it writes the search records that the indexing step
 * (scripts/index-search.ts, after `astro build`) reads. The index itself is no
 * part of `astro build`.
 */
export default function buildFiles(): AstroIntegration {
  return {
    name: 'papertide:build-files',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        const paths = buildPaths({ CACHE_DIR: fileURLToPath(config.cacheDir) }, fileURLToPath(config.root));
        updateConfig({
          vite: {
            define: {
              'import.meta.env.PAPERTIDE_PAPER_CACHE': JSON.stringify(paths.paperCache),
              'import.meta.env.PAPERTIDE_SEARCH_RECORDS': JSON.stringify(paths.searchRecords),
            },
          },
        });
      },
    },
  };
}
