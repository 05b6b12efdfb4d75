import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../lib/site-data.ts';
import { feedResponse, topicFeed } from '../../../lib/feeds.ts';

export const getStaticPaths = (async () => (await loadSite()).topics.map((topic) => ({ params: { topic: topic.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  feedResponse(topicFeed(await loadSite(), params.topic!, site!), site!);
