import type { IsoDate } from '#/lib/dates.ts';
import { daysOf, monthOf, weekOf, weekdayOf, type Period } from '#/lib/periods.ts';
import type { Digest, SiteModel } from '#/lib/site-model.ts';
import { periodRankings } from '#/lib/rankings.ts';
import { formatMonth, formatPeriod, formatWeek } from '#/lib/format.ts';
import { newestPeriods, type PeriodLink } from './period-page.ts';

export interface CalendarDay {
  date: IsoDate;
  day: number;
  /** Papers of that day's digest; undefined when there is none. */
  paperCount: number | undefined;
}

export interface CalendarWeek {
  /** "Week 10 of 2026": the row's label; linked when the week has a ranking. */
  week: PeriodLink & { short: string; number: number };
  linked: boolean;
  /** Monday to Sunday; null for days of the neighbouring months. */
  days: Array<CalendarDay | null>;
}

export interface CalendarMonth {
  month: PeriodLink;
  /** Different papers in the month, as its ranking counts them. */
  paperCount: number;
  digestCount: number;
  weeks: CalendarWeek[];
}

export interface YearSummary {
  year: number;
  paperCount: number;
  digestCount: number;
}

/** One year of the archive: /digests/ for the newest, /digests/YYYY/ for the others. */
export interface CalendarView {
  year: number;
  isNewest: boolean;
  /** Every year with digests, newest first. */
  years: YearSummary[];
  /** The year's months that have digests, newest first. */
  months: CalendarMonth[];
  /** The week and month of the newest digest, on the newest year's page. */
  newest: ReturnType<typeof newestPeriods>;
}

const link = (period: Period): PeriodLink => ({ kind: period.kind, id: period.id, title: formatPeriod(period) });

function calendarMonth(month: Period, paperCount: number, digests: Map<IsoDate, Digest>, weeksWithDigests: Set<string>): CalendarMonth {
  const weeks: CalendarWeek[] = [];
  let digestCount = 0;
  for (const date of daysOf(month)) {
    const weekday = weekdayOf(date);
    let row = weeks.at(-1);
    if (!row || weekday === 1) {
      const week = weekOf(date);
      row = {
        week: { ...link(week), short: formatWeek(week), number: week.number },
        linked: weeksWithDigests.has(week.id),
        days: Array.from({ length: 7 }, () => null),
      };
      weeks.push(row);
    }
    const digest = digests.get(date);
    row.days[weekday - 1] = { date, day: Number(date.slice(8)), paperCount: digest?.items.length };
    if (digest) digestCount++;
  }
  return { month: { ...link(month), title: formatMonth(month.start) }, paperCount, digestCount, weeks };
}

/** The archive as one calendar per year, newest year first. Work follows the days covered, not the papers. */
export function calendarViews(site: SiteModel): CalendarView[] {
  const monthsByYear = new Map<number, Period[]>();
  const papersByYear = new Map<number, Set<string>>();
  const weeksWithDigests = new Set<string>();
  for (const digest of site.digests) {
    weeksWithDigests.add(weekOf(digest.date).id);
    const year = Number(digest.date.slice(0, 4));
    const papers = papersByYear.get(year) ?? new Set();
    for (const { paper } of digest.items) papers.add(paper.slug);
    papersByYear.set(year, papers);
    const month = monthOf(digest.date);
    const months = monthsByYear.get(month.year) ?? [];
    if (months.at(-1)?.id !== month.id) months.push(month);
    monthsByYear.set(month.year, months);
  }
  const monthPapers = new Map(periodRankings(site, 'month').map(({ period, ranking }) => [period.id, ranking.length]));
  const calendars = [...monthsByYear].map(([year, months]) => ({
    year,
    months: months.map((month) => calendarMonth(month, monthPapers.get(month.id)!, site.digestsByDate, weeksWithDigests)),
  }));
  const years = calendars.map(({ year, months }) => ({
    year,
    paperCount: papersByYear.get(year)!.size,
    digestCount: months.reduce((sum, month) => sum + month.digestCount, 0),
  }));
  const newest = newestPeriods(site);
  return calendars.map(({ year, months }, index) => ({ year, isNewest: index === 0, years, months, newest: index === 0 ? newest : undefined }));
}
