/** A calendar day, as the digests are dated: no time, no zone. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day as YYYY-MM-DD, or undefined when the text is not a real calendar day (2026-02-30). */
export function parseIsoDate(text: string): IsoDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date rolls 2026-02-30 over to March 2; a real day survives the round trip.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? toIsoDate(date)
    : undefined;
}

export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

export function isoDateParts(date: IsoDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/**
 * The most recent day on or before `today` that falls on this month and day
 * (a digest page shows "Mar 14" without a year). Feb 29 goes back to a leap year.
 */
export function mostRecentPastDate(month: number, day: number, today: Date): IsoDate | undefined {
  const todayIso = toIsoDate(today);
  for (let year = today.getUTCFullYear(); year > today.getUTCFullYear() - 8; year--) {
    const candidate = parseIsoDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    if (candidate && candidate <= todayIso) return candidate;
  }
  return undefined;
}

/** Midnight UTC of a digest day, for feeds and structured data. */
export function dateOfIso(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}
