import type { APIRoute } from 'astro';
import rss from '@astrojs/rss';
import { loadSite } from '../../lib/site-data.ts';
import { digestsFeed, feedOptions } from '../../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => rss(feedOptions(digestsFeed(await loadSite(), site!), site!));
