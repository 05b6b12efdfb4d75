import type { IsoDate } from './dates.ts';
import { periodOf, type Period, type PeriodKind } from './periods.ts';
import type { Digest, Paper, SiteModel } from './site-model.ts';

/** A period with the digests of its days, oldest first. */
export interface PeriodDigests {
  period: Period;
  digests: Digest[];
}

/** The periods that have digests, newest first, from the site's digests (newest first). One pass. */
export function groupByPeriod(kind: PeriodKind, digests: readonly Digest[]): PeriodDigests[] {
  const groups: PeriodDigests[] = [];
  for (const digest of digests) {
    const period = periodOf(kind, digest.date);
    let group = groups.at(-1);
    if (group?.period.id !== period.id) {
      group = { period, digests: [] };
      groups.push(group);
    }
    group.digests.unshift(digest);
  }
  return groups;
}

export interface RankedPaper {
  paper: Paper;
  /** The highest count known for the period: its days' digests and the paper's own count. */
  upvotes: number | undefined;
  /** The paper's first day in the period, and its rank in that day's digest. */
  firstDate: IsoDate;
  firstRank: number;
}

const higher = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b));

/**
 * Every paper of the period's digests (oldest first) once, most upvotes first.
 * Ties, and papers without any count (plain-text digests), which come after every
 * paper with one, go by their first day, then by their rank that day. Linear in
 * the digests' items, plus the sort.
 */
export function rankPeriod(digests: readonly Digest[]): RankedPaper[] {
  const bySlug = new Map<string, RankedPaper>();
  for (const digest of digests) {
    for (const { paper, rank, upvotes } of digest.items) {
      const known = bySlug.get(paper.slug);
      if (known) known.upvotes = higher(known.upvotes, upvotes);
      else bySlug.set(paper.slug, { paper, upvotes: higher(paper.data.upvotes, upvotes), firstDate: digest.date, firstRank: rank });
    }
  }
  return [...bySlug.values()].sort(
    (a, b) =>
      (b.upvotes ?? -1) - (a.upvotes ?? -1) ||
      (a.firstDate < b.firstDate ? -1 : a.firstDate > b.firstDate ? 1 : 0) ||
      a.firstRank - b.firstRank,
  );
}

/** The highest upvote count known for a paper: its own, or any day's. */
export function knownUpvotes(paper: Paper): number | undefined {
  return paper.appearances.reduce((best, appearance) => higher(best, appearance.upvotes), paper.data.upvotes);
}

/** A period's digests and its ranking. */
export interface PeriodRanking extends PeriodDigests {
  ranking: RankedPaper[];
  /** How many of its papers have a code link. */
  withCode: number;
}

const rankingsCache = new WeakMap<SiteModel, Record<PeriodKind, PeriodRanking[] | undefined>>();

/** Every week's or month's ranking, newest first; computed once per site model and kind. */
export function periodRankings(site: SiteModel, kind: PeriodKind): PeriodRanking[] {
  let cached = rankingsCache.get(site);
  if (!cached) rankingsCache.set(site, (cached = { week: undefined, month: undefined }));
  return (cached[kind] ??= groupByPeriod(kind, site.digests).map((group) => {
    const ranking = rankPeriod(group.digests);
    return { ...group, ranking, withCode: ranking.filter(({ paper }) => paper.codeUrl).length };
  }));
}
