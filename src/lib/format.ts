import { dateOfIso, type IsoDate } from './dates.ts';
import { siteConfig } from '../site.config.ts';

const longDate = new Intl.DateTimeFormat(siteConfig.language, { dateStyle: 'long', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat(siteConfig.language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const number = new Intl.NumberFormat(siteConfig.language);

/** "14 March 2026" in the site's language. */
export const formatDate = (date: IsoDate) => longDate.format(dateOfIso(date));
/** "March 2026". */
export const formatMonth = (date: IsoDate) => monthYear.format(dateOfIso(date));
export const formatCount = (count: number, one: string, many: string) =>
  `${number.format(count)} ${count === 1 ? one : many}`;
