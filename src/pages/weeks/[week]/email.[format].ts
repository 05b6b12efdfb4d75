import type { GetStaticPaths } from 'astro';
import { loadSite } from '#/lib/site-data.ts';
import { periodRankings } from '#/lib/rankings.ts';
import { newsletterPaths, serveNewsletter } from '#/lib/email.ts';
import { periodNewsletter } from '#/lib/views/newsletter.ts';
import { WEEKLY_TOP } from '#/lib/feeds.ts';

/** Each week's top papers as a newsletter, `email.html`, and its plain-text twin, `email.txt`. */
export const getStaticPaths = (async () =>
  newsletterPaths(
    periodRankings(await loadSite(), 'week').map((week) => ({ params: { week: week.period.id }, newsletter: periodNewsletter(week, WEEKLY_TOP) })),
  )) satisfies GetStaticPaths;

export const GET = serveNewsletter;
