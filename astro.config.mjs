// @ts-check
import { relative } from 'node:path';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import buildFiles from './src/integrations/build-files.ts';
import { buildPaths } from './src/integrations/build-paths.ts';
import pruneOutput from './src/integrations/prune-output.ts';
import { cspDirectives } from './src/lib/csp.ts';
import timings from './src/integrations/timings.ts';
import { thumbnails } from './src/lib/thumbnails.ts';

/** Absolute origin used for feeds, the sitemap and canonical links. */
const site = process.env.SITE_URL || 'http://localhost:4321';
/** Sub-path the site is deployed under (e.g. /papertide/ on GitHub project pages). */
const base = process.env.BASE_PATH || '/';

/** OUT_DIR and CACHE_DIR, read in one place with the search indexing step that follows `astro build`. */
const paths = buildPaths();

export default defineConfig({
  site,
  base,
  // Tests and the benchmark build other content into other folders; a deploy uses the defaults.
  outDir: paths.outDir,
  cacheDir: paths.cacheDir,
  trailingSlash: 'always',
  // Astro writes each page (to dist/ and to its incremental cache) with awaited file calls, one page after another:
  // rendering one page alone left the build's thread idle half the time (a CPU profile of a 10k cold build). Four at
  // once overlap those waits: pages 40-47 s -> 29 s (2 at once: 35 s), the same output (bench/README.md, eighth round).
  build: { format: 'directory', concurrency: 4 },
  // A Content-Security-Policy <meta> on every page: Astro adds the hashes of the page's own scripts and styles.
  security: { csp: { directives: cspDirectives({ thumbnails: thumbnails.on }) } },
  // Abstracts are rendered by the paper loader's own pipeline (src/lib/markdown.ts); Astro's Markdown never
  // highlights code here, and Shiki's inline styles would need an exception in the CSP.
  markdown: { syntaxHighlight: false },
  experimental: {
    // Pages whose data did not change (cacheKey from getStaticPaths) are reused on the next build.
    incrementalBuild: true,
  },
  // pruneOutput last: it removes what the others did not write in this build, except the
  // search index, which `npm run build` writes after `astro build` (scripts/index-search.ts).
  integrations: [sitemap(), buildFiles(), timings(), pruneOutput({ spare: [relative(paths.outDir, paths.searchOutput)] })],
});
