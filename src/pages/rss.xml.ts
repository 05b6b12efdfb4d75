import type { APIRoute } from 'astro';
import rss from '@astrojs/rss';
import { loadSite } from '../lib/site-data.ts';
import { feedOptions, siteFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => rss(feedOptions(siteFeed(await loadSite(), site!), site!));
