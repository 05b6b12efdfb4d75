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
  /**
   * Paper thumbnails (the source's pictures, loaded from its image host) on cards, paper pages, og:image
   * and feeds. false for a deploy that must not load third-party images; the environment overrides it
   * (THUMBNAILS=off or THUMBNAILS=on). Only images from thumbnailOrigin are shown: the CSP allows that host alone.
   */
  thumbnails: true,
  thumbnailOrigin: 'https://cdn-thumbnails.huggingface.co',
  /**
   * The search index as one Pagefind bundle ('single') or tiered ('quarterly': the newest month hot,
   * one archive bundle per quarter before it, kept byte for byte when unchanged and merged by the
   * search page). Quarterly is opt-in (SEARCH_SHARDS=quarterly overrides this): it doubles the bytes
   * per query and each shard ranks with its own statistics (see README, "Search index").
   */
  searchShards: 'single' as 'single' | 'quarterly',
} as const;
