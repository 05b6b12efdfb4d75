import { parseIsoDate, type IsoDate } from '#/lib/dates.ts';

/**
 * The calendar day of a source's date-time: `2024-05-27T09:12:00.000Z` or a bare `2024-05-27` → 2024-05-27
 * (the day as written, whatever the time zone); undefined when it is not a date.
 */
export function dayOfDateTime(value: string): IsoDate | undefined {
  const text = value.trim();
  const day = parseIsoDate(text.slice(0, 10));
  if (!day || (text.length > 10 && (text[10] !== 'T' || Number.isNaN(Date.parse(text))))) return undefined;
  return day;
}

/** What every format says of a date-time it cannot read. */
export const notADateTime = (value: string): string => `is not a date like 2024-05-27T09:12:00Z: ${JSON.stringify(value)}`;
