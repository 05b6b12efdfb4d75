import type { APIRoute, GetStaticPaths } from 'astro';
import rss from '@astrojs/rss';
import { loadSite } from '../../../lib/site-data.ts';
import { feedOptions, topicFeed } from '../../../lib/feeds.ts';

export const getStaticPaths = (async () => (await loadSite()).topics.map((topic) => ({ params: { topic: topic.id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) =>
  rss(feedOptions(topicFeed(await loadSite(), params.topic!, site!), site!));
