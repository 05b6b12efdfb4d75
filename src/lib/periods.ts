// One module per date-fns function, not the package's index: see .dependency-cruiser.cjs (date-fns-by-function).
import { addDays } from 'date-fns/addDays';
import { endOfISOWeek } from 'date-fns/endOfISOWeek';
import { endOfMonth } from 'date-fns/endOfMonth';
import { format } from 'date-fns/format';
import { getISOWeek } from 'date-fns/getISOWeek';
import { getISOWeekYear } from 'date-fns/getISOWeekYear';
import { getISODay } from 'date-fns/getISODay';
import { startOfISOWeek } from 'date-fns/startOfISOWeek';
import { startOfMonth } from 'date-fns/startOfMonth';
import { isoDateParts, type IsoDate } from './dates.ts';

/**
 * Weeks and months as the rankings use them. ISO 8601 weeks run Monday to Sunday
 * and belong to the year of their Thursday, so 2027-01-01 is in 2026-W53.
 * date-fns does the calendar arithmetic; it works on local-time Dates, which is
 * why days go in and out through their parts only (never through a time stamp
 * or a zone): the answer is the same on any machine.
 */
export type PeriodKind = 'week' | 'month';

export interface Period {
  kind: PeriodKind;
  /** `2026-W10` or `2026-03`: the URL segment and the sort key (ids sort like dates). */
  id: string;
  /** The ISO week-numbering year, or the calendar year. */
  year: number;
  /** The week number (1–53) or the month (1–12). */
  number: number;
  /** First and last day, inclusive. */
  start: IsoDate;
  end: IsoDate;
}

const localDay = (date: IsoDate): Date => {
  const { year, month, day } = isoDateParts(date);
  return new Date(year, month - 1, day);
};
const isoDay = (date: Date): IsoDate => format(date, 'yyyy-MM-dd');
const pad = (value: number) => String(value).padStart(2, '0');

/** The ISO week a day falls in. */
export function weekOf(date: IsoDate): Period {
  const day = localDay(date);
  const year = getISOWeekYear(day);
  const number = getISOWeek(day);
  return { kind: 'week', id: `${year}-W${pad(number)}`, year, number, start: isoDay(startOfISOWeek(day)), end: isoDay(endOfISOWeek(day)) };
}

/** The calendar month a day falls in. */
export function monthOf(date: IsoDate): Period {
  const day = localDay(date);
  const { year, month } = isoDateParts(date);
  return { kind: 'month', id: `${year}-${pad(month)}`, year, number: month, start: isoDay(startOfMonth(day)), end: isoDay(endOfMonth(day)) };
}

export const periodOf = (kind: PeriodKind, date: IsoDate): Period => (kind === 'week' ? weekOf(date) : monthOf(date));

/** Every day of the period, first to last. */
export function daysOf(period: Period): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = localDay(period.start); isoDay(day) <= period.end; day = addDays(day, 1)) days.push(isoDay(day));
  return days;
}

/** 1 for Monday … 7 for Sunday. */
export const weekdayOf = (date: IsoDate): number => getISODay(localDay(date));

export const dayAfter = (date: IsoDate): IsoDate => isoDay(addDays(localDay(date), 1));

/**
 * A week is over once a digest exists for a later day: "over" is decided by the
 * content, not by the clock, so the same content always builds the same feed,
 * and a week's item, once published, is final (RSS-to-email services send each
 * item once). A week whose Sunday has no digest yet appears with Monday's.
 */
export const isOver = (period: Period, newestDigest: IsoDate | undefined): boolean =>
  newestDigest !== undefined && newestDigest > period.end;
