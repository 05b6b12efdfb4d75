import type { APIRoute } from 'astro';
import { loadSite } from '#/lib/site-data.ts';
import { allFeeds } from '#/lib/feeds.ts';
import { toOpml } from '#/lib/opml.ts';
import { dateOfIso } from '#/lib/dates.ts';
import { siteConfig } from '#/site.config.ts';

export const GET: APIRoute = async ({ site }) => {
  const model = await loadSite();
  const latest = model.digests[0];
  const body = toOpml(`${siteConfig.title} feeds`, allFeeds(model, site!), latest && dateOfIso(latest.date));
  return new Response(body, { headers: { 'Content-Type': 'text/x-opml; charset=utf-8' } });
};
