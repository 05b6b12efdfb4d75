import type { APIRoute } from 'astro';
import rss from '@astrojs/rss';
import { loadSite } from '../../lib/site-data.ts';
import { feedOptions, weeksFeed } from '../../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => rss(feedOptions(weeksFeed(await loadSite(), site!), site!));
