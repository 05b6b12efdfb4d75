import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../lib/site-data.ts';
import { periodRankings } from '../../../lib/rankings.ts';
import { newsletterFormats, newsletterResponse, periodNewsletter, type Newsletter, type NewsletterFormat } from '../../../lib/email.ts';
import { WEEKLY_TOP } from '../../../lib/feeds.ts';
import { cacheKey } from '../../../lib/cache-key.ts';

/** Each week's top papers as a newsletter, `email.html`, and its plain-text twin, `email.txt`. */
export const getStaticPaths = (async () =>
  periodRankings(await loadSite(), 'week').flatMap((week) => {
    const newsletter = periodNewsletter(week, WEEKLY_TOP);
    return newsletterFormats.map((format) => ({
      params: { week: week.period.id, format },
      props: { newsletter, format },
      cacheKey: cacheKey(newsletter),
    }));
  })) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { newsletter, format } = props as { newsletter: Newsletter; format: NewsletterFormat };
  return newsletterResponse(newsletter, format, site!);
};
