import type { APIRoute } from 'astro';
import { loadSite } from '#/lib/site-data.ts';
import { feedResponse, weeksFeed } from '#/lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => feedResponse(weeksFeed(await loadSite(), site!), site!);
