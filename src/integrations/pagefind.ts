import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setUpSearchIndex, writeSearchIndex } from '../lib/search-index.ts';
import { keepOutputFolder } from './prune-output.ts';

/**
 * Writes the Pagefind search index into `<outDir>/pagefind/` at the end of
 * `astro build`, or keeps the one there when it holds exactly the same records.
 * The index itself was filled while pages rendered (see src/lib/search-index.ts);
 * any Pagefind error fails the build with its message.
 */
function lockfileOf(root: URL): string {
  try {
    return readFileSync(new URL('package-lock.json', root), 'utf8');
  } catch {
    return '';
  }
}

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'papertide:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        setUpSearchIndex({
          outputPath: fileURLToPath(new URL('pagefind/', config.outDir)),
          stateFile: fileURLToPath(new URL('papertide-search-index.json', config.cacheDir)),
          // A Pagefind upgrade (any dependency change, as for Astro's own cache) writes a new index.
          dependencies: lockfileOf(config.root),
        });
      },
      'astro:build:done': async ({ logger }) => {
        const started = performance.now();
        // If Pagefind's process dies (it panics on some I/O errors), the call being
        // awaited never settles and Node would run out of work and exit 0: fail instead.
        const onCrash = () => {
          logger.error('Pagefind stopped without answering; the search index was not written.');
          process.exitCode = 1;
        };
        process.once('beforeExit', onCrash);
        try {
          const { records, kept, outputPath } = await writeSearchIndex();
          if (kept) keepOutputFolder(outputPath);
          const ms = Math.round(performance.now() - started);
          logger.info(kept ? `Search index of ${records} papers unchanged: kept (${ms} ms).` : `Indexed ${records} papers; index written in ${ms} ms.`);
        } finally {
          process.off('beforeExit', onCrash);
        }
      },
    },
  };
}
