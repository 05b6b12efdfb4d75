import type { APIRoute, GetStaticPaths } from 'astro';
import { loadSite } from '../../../lib/site-data.ts';
import { digestPageKey } from '../../../lib/page-keys.ts';
import { digestEmailHtml, digestEmailText } from '../../../lib/email.ts';
import type { Digest } from '../../../lib/site-model.ts';

/** Each digest as a newsletter, `email.html`, and its plain-text twin, `email.txt`. */
const formats = {
  html: { render: digestEmailHtml, type: 'text/html; charset=utf-8' },
  txt: { render: digestEmailText, type: 'text/plain; charset=utf-8' },
};

export const getStaticPaths = (async () =>
  (await loadSite()).digests.flatMap((digest) =>
    (Object.keys(formats) as Array<keyof typeof formats>).map((format) => ({
      params: { date: digest.date, format },
      props: { digest, format },
      cacheKey: digestPageKey(digest),
    })),
  )) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props, site }) => {
  const { digest, format } = props as { digest: Digest; format: keyof typeof formats };
  const { render, type } = formats[format];
  return new Response(render(digest, site!), { headers: { 'Content-Type': type } });
};
