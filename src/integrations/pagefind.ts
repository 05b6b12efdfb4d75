import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { finishSearchIndex, setSearchIndexOutput } from '../lib/search-index.ts';

/**
 * The Pagefind search index in `<outDir>/pagefind/`. The data layer starts it
 * when the pages start rendering (see src/lib/search-index.ts); at the end of
 * `astro build` this waits for it, and any Pagefind error fails the build with
 * its message.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'papertide:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        setSearchIndexOutput(fileURLToPath(new URL('pagefind/', config.outDir)));
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
          const { records, ms } = await finishSearchIndex();
          const waited = Math.round(performance.now() - started);
          logger.info(`Indexed ${records} papers in ${Math.round(ms)} ms while pages rendered; waited ${waited} ms for it.`);
        } finally {
          process.off('beforeExit', onCrash);
        }
      },
    },
  };
}
