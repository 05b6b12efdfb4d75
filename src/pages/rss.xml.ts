import type { APIRoute } from 'astro';
import { loadSite } from '#/lib/site-data.ts';
import { feedResponse, siteFeed } from '#/lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => feedResponse(siteFeed(await loadSite(), site!), site!);
