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
   * The search index in two tiers ('tiered': the newest two months hot, rebuilt on every change, and one
   * archive bundle with every older paper, kept byte for byte until a month ends or an old paper changes,
   * merged by the search page) or as one Pagefind bundle ('single', every paper re-indexed on any change).
   * SEARCH_SHARDS=single|tiered overrides this (see README, "Search index").
   */
  searchShards: 'tiered' as 'single' | 'tiered',
} as const;
