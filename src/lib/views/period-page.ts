import type { IsoDate } from '#/lib/dates.ts';
import { monthOf, weekOf, type Period, type PeriodKind } from '#/lib/periods.ts';
import { periodRankings } from '#/lib/rankings.ts';
import type { SiteModel } from '#/lib/site-model.ts';
import { formatPeriod } from '#/lib/format.ts';
import { paperCardView, type PaperCardView } from './paper-card.ts';

/** Another period, as a page links it. */
export interface PeriodLink {
  kind: PeriodKind;
  id: string;
  title: string;
}

/** One page of a week's or month's ranking: everything /weeks/2026-W10/ (or /months/2026-03/2/) shows. */
export interface PeriodPageView {
  period: Period;
  /** "Week 10 of 2026: March 2–8", "March 2026". */
  title: string;
  paperCount: number;
  withCode: number;
  /** The period's days that have a digest, oldest first. */
  days: Array<{ date: IsoDate; paperCount: number }>;
  older: PeriodLink | undefined;
  newer: PeriodLink | undefined;
  page: number;
  lastPage: number;
  /** This page's papers, their rank being their place in the whole ranking. */
  cards: PaperCardView[];
}

const linkTo = (period: Period | undefined): PeriodLink | undefined =>
  period && { kind: period.kind, id: period.id, title: formatPeriod(period) };

/** Every page of every period of a kind, newest period first. */
export function periodPageViews(site: SiteModel, kind: PeriodKind, papersPerPage: number): PeriodPageView[] {
  const rankings = periodRankings(site, kind);
  return rankings.flatMap(({ period, digests, ranking, withCode }, index) => {
    const lastPage = Math.max(1, Math.ceil(ranking.length / papersPerPage));
    const shared = {
      period,
      title: formatPeriod(period),
      paperCount: ranking.length,
      withCode,
      days: digests.map((digest) => ({ date: digest.date, paperCount: digest.items.length })),
      older: linkTo(rankings[index + 1]?.period),
      newer: linkTo(rankings[index - 1]?.period),
      lastPage,
    };
    return Array.from({ length: lastPage }, (_, pageIndex) => ({
      ...shared,
      page: pageIndex + 1,
      cards: ranking
        .slice(pageIndex * papersPerPage, (pageIndex + 1) * papersPerPage)
        .map(({ paper, upvotes }, offset) => paperCardView(paper, { rank: pageIndex * papersPerPage + offset + 1, upvotes })),
    }));
  });
}

/** The week and the month of the newest digest, which the home page and the archive link to. */
export function newestPeriods(site: SiteModel): { week: PeriodLink; month: PeriodLink } | undefined {
  const newest = site.digests[0]?.date;
  return newest === undefined ? undefined : { week: linkTo(weekOf(newest))!, month: linkTo(monthOf(newest))! };
}
