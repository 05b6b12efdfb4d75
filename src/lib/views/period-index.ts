import type { PeriodKind } from '#/lib/periods.ts';
import { periodRankings } from '#/lib/rankings.ts';
import type { SiteModel } from '#/lib/site-model.ts';
import { formatPeriod } from '#/lib/format.ts';
import type { PeriodLink } from './period-page.ts';

/** /weeks/ or /months/: every period with papers, newest first, with its counts. */
export interface PeriodIndexView {
  kind: PeriodKind;
  periods: Array<PeriodLink & { paperCount: number; withCode: number; dayCount: number }>;
}

export function periodIndexView(site: SiteModel, kind: PeriodKind): PeriodIndexView {
  return {
    kind,
    periods: periodRankings(site, kind).map(({ period, digests, ranking, withCode }) => ({
      kind,
      id: period.id,
      title: formatPeriod(period),
      paperCount: ranking.length,
      withCode,
      dayCount: digests.length,
    })),
  };
}
