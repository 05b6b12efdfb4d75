import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '#/lib/site-data.ts';
import { feedResponse, topicFeed } from '#/lib/feeds.ts';
import { pageKey } from '#/lib/views/page-key.ts';

export const getStaticPaths = (async () => {
  const site = await loadSite();
  const origin = new URL(import.meta.env.SITE);
  return site.topics.map((topic) => ({ params: { topic: topic.id }, cacheKey: pageKey(topicFeed(site, topic.id, origin)) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  feedResponse(topicFeed(await loadSite(), params.topic!, site!), site!);
