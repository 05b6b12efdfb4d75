/** What a site owner changes. SITE_URL and BASE_PATH come from the environment (see astro.config.mjs). */
export const siteConfig = {
  title: 'papertide',
  tagline: 'Trending ML research, one digest a day',
  description:
    'A daily digest of trending machine-learning papers: every paper with its abstract, topics, code and related work, with RSS feeds per topic.',
  /** BCP 47 language of the site's text, for <html lang> and the feeds. */
  language: 'en',
  /** Papers per topic page before it paginates. */
  papersPerPage: 50,
  /** Items in each RSS feed. */
  feedItems: 50,
  /** Characters of abstract shown per paper on digest and topic pages. */
  excerptLength: 280,
  /** Similar papers shown on each paper page. */
  relatedPapers: 4,
} as const;
