import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../lib/site-data.ts';
import { digestPageKey } from '../../../lib/page-keys.ts';
import { digestNewsletter, newsletterFormats, newsletterResponse, type NewsletterFormat } from '../../../lib/email.ts';
import type { Digest } from '../../../lib/site-model.ts';

/** Each digest as a newsletter, `email.html`, and its plain-text twin, `email.txt`. */
export const getStaticPaths = (async () =>
  (await loadSite()).digests.flatMap((digest) =>
    newsletterFormats.map((format) => ({
      params: { date: digest.date, format },
      props: { digest, format },
      cacheKey: digestPageKey(digest),
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { digest, format } = props as { digest: Digest; format: NewsletterFormat };
  return newsletterResponse(digestNewsletter(digest), format, site!);
};
