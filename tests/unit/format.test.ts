import { describe, expect, it } from 'vitest';
import { formatPeriod, formatWeek } from '#/lib/format.ts';
import { monthOf, weekOf } from '#/lib/periods.ts';

describe('formatPeriod', () => {
  it('writes a week within one month with a closed-up range', () => {
    expect(formatPeriod(weekOf('2026-03-04'))).toBe('Week 10 of 2026: March 2–8');
  });

  it('names both months of a week across two, and both years across a year boundary', () => {
    expect(formatPeriod(weekOf('2026-04-01'))).toBe('Week 14 of 2026: March 30\u2009–\u2009April 5');
    expect(formatPeriod(weekOf('2027-01-01'))).toBe('Week 53 of 2026: December 28, 2026\u2009–\u2009January 3, 2027');
  });

  it('writes a month as month and year', () => {
    expect(formatPeriod(monthOf('2026-03-14'))).toBe('March 2026');
    expect(formatWeek(weekOf('2026-03-04'))).toBe('Week 10 of 2026');
  });
});
