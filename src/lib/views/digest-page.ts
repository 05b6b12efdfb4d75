import type { IsoDate } from '#/lib/dates.ts';
import type { Digest } from '#/lib/site-model.ts';
import { digestTitle, formatDate } from '#/lib/format.ts';
import { digestItemList } from '#/lib/structured-data.ts';
import { digestCardViews, type PaperCardView } from './paper-card.ts';

/** Another day's digest as a page links it. */
export interface DigestLink {
  date: IsoDate;
  /** "Papers of March 14, 2026". */
  title: string;
}

/** Everything a day's digest shows, on /digests/YYYY-MM-DD/ and (the newest) on the home page (src/components/DigestView.astro). */
export interface DigestPageView {
  date: IsoDate;
  /** "Papers of March 14, 2026". */
  title: string;
  /** The meta description: how many papers, and the first ones' titles. */
  description: string;
  withCode: number;
  cards: PaperCardView[];
  older: DigestLink | undefined;
  newer: DigestLink | undefined;
  jsonLd: Record<string, unknown>;
}

/** Titles of the first papers in the meta description. */
const DESCRIBED_PAPERS = 3;

const digestLink = (digest: Digest | undefined): DigestLink | undefined => digest && { date: digest.date, title: digestTitle(digest.date) };

/** A digest page's view, built from the site model; `origin` is the site's URL (SITE_URL), for the JSON-LD's links. */
export function digestPageView(digest: Digest, origin: URL): DigestPageView {
  const titles = digest.items
    .slice(0, DESCRIBED_PAPERS)
    .map((item) => item.paper.titleText)
    .join('; ');
  return {
    date: digest.date,
    title: digestTitle(digest.date),
    description: `${digest.items.length} trending ML papers of ${formatDate(digest.date)}: ${titles}…`,
    withCode: digest.items.filter((item) => item.paper.codeUrl).length,
    cards: digestCardViews(digest),
    older: digestLink(digest.older),
    newer: digestLink(digest.newer),
    jsonLd: digestItemList(digest, origin),
  };
}
