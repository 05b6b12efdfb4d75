// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

/** Absolute origin used for feeds, the sitemap and canonical links. */
const site = process.env.SITE_URL || 'http://localhost:4321';
/** Sub-path the site is deployed under (e.g. /papertide/ on GitHub project pages). */
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [sitemap()],
});
