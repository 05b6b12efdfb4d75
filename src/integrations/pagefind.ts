import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/** The part of pagefind-entry.json (written with the index) the build log reads. */
interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** Every Pagefind service call answers with an `errors` array; any entry fails the build. */
function check<T extends { errors: string[] }>(step: string, response: T): T {
  if (response.errors.length > 0) {
    throw new Error(`Pagefind failed to ${step}:\n${response.errors.map((error) => `  ${error}`).join('\n')}`);
  }
  return response;
}

const elapsed = (start: number) => `${Math.round(performance.now() - start)}ms`;

/**
 * Builds the Pagefind search index from the finished site, as part of
 * `astro build`: every HTML file in the output directory is read, but only
 * pages marked `data-pagefind-body` (paper pages) are indexed. The bundle
 * (index, WASM, UI scripts) goes to `<outDir>/pagefind/`; the search page
 * loads it from there under the site's base path.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'papertide:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildIndex(dir, logger);
      },
    },
  };
}

async function buildIndex(dir: URL, logger: AstroIntegrationLogger): Promise<void> {
  const siteDir = fileURLToPath(dir);
  const outputPath = fileURLToPath(new URL('pagefind/', dir));
  const start = performance.now();
  // If Pagefind's process dies (it panics on some I/O errors), the call being
  // awaited never settles and Node would run out of work and exit 0: fail instead.
  const onCrash = () => {
    logger.error('Pagefind stopped without answering; the search index was not written.');
    process.exitCode = 1;
  };
  process.once('beforeExit', onCrash);
  try {
    const { index } = check(
      'create an index',
      await pagefind.createIndex({
        // A paper's topic chips. The topic names are indexed from the page's `topics`
        // metadata instead: still searchable, but kept out of the result excerpts.
        excludeSelectors: ['[data-pagefind-body] .tags'],
      }),
    );
    if (!index) throw new Error('Pagefind created no index');
    const step = performance.now();
    const { page_count } = check('index the site', await index.addDirectory({ path: siteDir }));
    if (page_count === 0) throw new Error(`Pagefind found no HTML files in ${siteDir}`);
    logger.info(`Read ${page_count} HTML files in ${elapsed(step)}.`);
    const write = performance.now();
    check('write the index', await index.writeFiles({ outputPath }));
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    logger.info(`Indexed ${indexed} pages into ${outputPath} in ${elapsed(write)} (${elapsed(start)} in all).`);
  } finally {
    process.off('beforeExit', onCrash);
    await pagefind.close();
  }
}
