import type { APIRoute } from 'astro';
import { loadSite } from '#/lib/site-data.ts';
import { digestsFeed, feedResponse } from '#/lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => feedResponse(digestsFeed(await loadSite(), site!), site!);
