import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeSearchIndex } from '../lib/search-index.ts';

/**
 * Writes the Pagefind search index into `<outDir>/pagefind/` at the end of
 * `astro build`. The index itself was filled while pages rendered (see
 * src/lib/search-index.ts); any Pagefind error fails the build with its message.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'papertide:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        // If Pagefind's process dies (it panics on some I/O errors), the call being
        // awaited never settles and Node would run out of work and exit 0: fail instead.
        const onCrash = () => {
          logger.error('Pagefind stopped without answering; the search index was not written.');
          process.exitCode = 1;
        };
        process.once('beforeExit', onCrash);
        try {
          const { records } = await writeSearchIndex(fileURLToPath(new URL('pagefind/', dir)));
          logger.info(`Indexed ${records} papers; index written in ${Math.round(performance.now() - started)} ms.`);
        } finally {
          process.off('beforeExit', onCrash);
        }
      },
    },
  };
}
