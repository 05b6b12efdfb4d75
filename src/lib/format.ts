import { dateOfIso, type IsoDate } from './dates.ts';
import type { Period } from './periods.ts';
import { siteConfig } from '#/site.config.ts';

const longDate = new Intl.DateTimeFormat(siteConfig.language, { dateStyle: 'long', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat(siteConfig.language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const number = new Intl.NumberFormat(siteConfig.language);

/** "14 March 2026" in the site's language. */
export const formatDate = (date: IsoDate) => longDate.format(dateOfIso(date));
/** "Papers of March 14, 2026": a day's digest wherever it is named (page, pager, newsletter, feed, JSON-LD). */
export const digestTitle = (date: IsoDate) => `Papers of ${formatDate(date)}`;
/** "March 2026". */
export const formatMonth = (date: IsoDate) => monthYear.format(dateOfIso(date));
export const formatCount = (count: number, one: string, many: string) =>
  `${number.format(count)} ${count === 1 ? one : many}`;

const dayAndMonth = new Intl.DateTimeFormat(siteConfig.language, { month: 'long', day: 'numeric', timeZone: 'UTC' });

/**
 * A period in words, wherever it is named: "Week 10 of 2026: March 2–8",
 * "Week 14 of 2026: March 30 – April 5", "Week 53 of 2026: December 28, 2026 –
 * January 3, 2027", "March 2026". Intl writes the range; within one month the
 * dash closes up ("2–8").
 */
export function formatPeriod(period: Period): string {
  if (period.kind === 'month') return formatMonth(period.start);
  const [start, end] = [dateOfIso(period.start), dateOfIso(period.end)];
  const range = period.start.slice(0, 4) === period.end.slice(0, 4) ? dayAndMonth.formatRange(start, end) : longDate.formatRange(start, end);
  return `${formatWeek(period)}: ${range.replace(/\s–\s(?=\d)/, '–')}`;
}

/** "Top papers of Week 10 of 2026: March 2–8": a week's or month's ranking wherever its newsletter is named (email, weekly feed). */
export const rankingTitle = (period: Period) => `Top papers of ${formatPeriod(period)}`;

/** "Week 10 of 2026": the short name of a week, for calendar rows. */
export const formatWeek = (period: Period) => `Week ${period.number} of ${period.year}`;
