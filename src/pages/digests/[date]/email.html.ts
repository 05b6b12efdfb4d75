import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../lib/site-data.ts';
import { digestPageKey } from '../../../lib/page-keys.ts';
import { digestEmailHtml } from '../../../lib/email.ts';

export const getStaticPaths = (async () => (await loadSite()).digests.map((digest) => ({ params: { date: digest.date }, cacheKey: digestPageKey(digest) }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const digest = (await loadSite()).digestsByDate.get(params.date!)!;
  return new Response(digestEmailHtml(digest, site!), { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
