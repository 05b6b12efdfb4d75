import type { GetStaticPaths } from 'astro';
import { loadSite } from '#/lib/site-data.ts';
import { newsletterPaths, serveNewsletter } from '#/lib/email.ts';
import { digestNewsletter } from '#/lib/views/newsletter.ts';

/** Each digest as a newsletter, `email.html`, and its plain-text twin, `email.txt`. */
export const getStaticPaths = (async () =>
  newsletterPaths((await loadSite()).digests.map((digest) => ({ params: { date: digest.date }, newsletter: digestNewsletter(digest) })))) satisfies GetStaticPaths;

export const GET = serveNewsletter;
