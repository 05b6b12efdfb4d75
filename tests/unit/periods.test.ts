import { afterEach, describe, expect, it } from 'vitest';
import { daysOf, isOver, monthOf, weekOf, weekdayOf } from '#/lib/periods.ts';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('ISO weeks', () => {
  it('run Monday to Sunday', () => {
    expect(weekOf('2026-03-02')).toEqual({ kind: 'week', id: '2026-W10', year: 2026, number: 10, start: '2026-03-02', end: '2026-03-08' });
    expect(weekOf('2026-03-08').id).toBe('2026-W10');
    expect(weekOf('2026-03-09').id).toBe('2026-W11');
  });

  it('belong to the year of their Thursday, across a year boundary', () => {
    for (const day of ['2026-12-28', '2026-12-31', '2027-01-01', '2027-01-03']) {
      expect(weekOf(day), day).toMatchObject({ id: '2026-W53', year: 2026, number: 53, start: '2026-12-28', end: '2027-01-03' });
    }
    expect(weekOf('2027-01-04')).toMatchObject({ id: '2027-W01', start: '2027-01-04' });
    // The other way round: 2024-12-30 is already in 2025's first week.
    expect(weekOf('2024-12-30')).toMatchObject({ id: '2025-W01', start: '2024-12-30', end: '2025-01-05' });
  });

  it('give the same answer in any time zone, DST changes included', () => {
    for (const tz of ['UTC', 'America/Sao_Paulo', 'Pacific/Kiritimati', 'Europe/London', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      expect(weekOf('2026-03-29'), tz).toMatchObject({ id: '2026-W13', start: '2026-03-23', end: '2026-03-29' });
      expect(weekOf('2026-11-01').id, tz).toBe('2026-W44');
      expect(daysOf(weekOf('2026-03-29')), tz).toHaveLength(7);
      expect(weekdayOf('2026-03-29'), tz).toBe(7);
    }
  });
});

describe('months', () => {
  it('cover their calendar days', () => {
    expect(monthOf('2026-03-14')).toEqual({ kind: 'month', id: '2026-03', year: 2026, number: 3, start: '2026-03-01', end: '2026-03-31' });
    expect(monthOf('2024-02-10').end).toBe('2024-02-29');
    expect(daysOf(monthOf('2026-02-01'))).toHaveLength(28);
    expect(daysOf(monthOf('2026-02-01')).at(-1)).toBe('2026-02-28');
  });
});

describe('isOver', () => {
  it('is true once a later day has a digest, whatever the clock says', () => {
    const week = weekOf('2026-12-31');
    expect(isOver(week, '2027-01-03')).toBe(false);
    expect(isOver(week, '2027-01-04')).toBe(true);
    expect(isOver(week, undefined)).toBe(false);
  });
});
