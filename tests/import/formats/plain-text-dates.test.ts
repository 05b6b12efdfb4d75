import { describe, it, expect } from 'vitest';
import { mostRecentPastDate, parseIsoDate } from '#/lib/dates.ts';
import { InputError } from '#/lib/import/input-error.ts';
import { parseDateLine, resolvePlainTextDate } from '#/lib/import/formats/plain-text.ts';
import { describeDigestPlan, runImport } from '#/lib/import/run-import.ts';
import { SEED_PAPERS, SEED_PATH, TODAY, renderDigest, snapshotDir, tempDir, writeInput } from '../helpers.ts';

describe('parseIsoDate', () => {
  it('accepts real calendar days', () => {
    expect(parseIsoDate('2026-03-14')).toBe('2026-03-14');
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(parseIsoDate('2026-12-31')).toBe('2026-12-31');
  });

  it('refuses days that do not exist or are not YYYY-MM-DD', () => {
    for (const text of ['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-3-14', '26-03-14', '2026-03-14T00:00:00Z', ' 2026-03-14', '']) {
      expect(parseIsoDate(text), text).toBeUndefined();
    }
  });
});

describe('parseDateLine', () => {
  it('reads the date line as the page shows it', () => {
    expect(parseDateLine('Mar 14')).toEqual({ month: 3, day: 14 });
    expect(parseDateLine('  March 1 ')).toEqual({ month: 3, day: 1 });
    expect(parseDateLine('Sept 30')).toEqual({ month: 9, day: 30 });
    expect(parseDateLine('dec. 25')).toEqual({ month: 12, day: 25 });
  });

  it('does not take other lines for a date line', () => {
    for (const line of ['Mar', '14', 'Mar 14, 2026', 'Mar 32', 'Foo 14', 'Subscribe', 'Mar 14 papers']) {
      expect(parseDateLine(line), line).toBeUndefined();
    }
  });
});

describe('year inference: the most recent day on or before today', () => {
  // today is 2026-11-26
  it.each([
    [3, 14, '2026-03-14'],
    [12, 25, '2025-12-25'],
    [11, 26, '2026-11-26'],
    [11, 27, '2025-11-27'],
    [1, 1, '2026-01-01'],
    [2, 29, '2024-02-29'],
  ])('month %i day %i → %s', (month, day, expected) => {
    expect(mostRecentPastDate(month, day, TODAY)).toBe(expected);
  });

  it('finds no year for a day that never exists', () => {
    expect(mostRecentPastDate(2, 30, TODAY)).toBeUndefined();
    expect(mostRecentPastDate(4, 31, TODAY)).toBeUndefined();
  });

  it.each([
    ['Mar 14', '2026-03-14'],
    ['Dec 25', '2025-12-25'],
    ['Nov 26', '2026-11-26'],
    ['Feb 29', '2024-02-29'],
  ])('a digest dated "%s" imports as %s', async (dateLine, expected) => {
    const input = await writeInput('digest.txt', renderDigest({ papers: SEED_PAPERS.slice(0, 3), dateLine }).text);
    const contentDir = await tempDir();
    const plans = await runImport({ files: [input], contentDir, today: TODAY });
    expect(plans.map(describeDigestPlan)).toEqual([`${expected}: 3 papers (3 new, 0 already known)`]);
    expect(Object.keys(await snapshotDir(contentDir))).toContain(`digests/${expected}.yaml`);
  });

  it('a date line naming a day that never exists is an error at that line', async () => {
    const digest = renderDigest({ papers: SEED_PAPERS.slice(0, 3), dateLine: 'Feb 30' });
    const input = await writeInput('digest.txt', digest.text);
    await expect(runImport({ files: [input], contentDir: await tempDir(), today: TODAY })).rejects.toThrow(
      `${input}:${digest.dateLineNumber}: `,
    );
  });
});

describe('--date', () => {
  const monthDay = { month: 3, day: 14, line: 9 };

  it('agreeing with the date line, it wins over the year guess', () => {
    expect(resolvePlainTextDate(monthDay, 'seed.txt', '2024-03-14', TODAY)).toBe('2024-03-14');
    expect(resolvePlainTextDate(monthDay, 'seed.txt', undefined, TODAY)).toBe('2026-03-14');
  });

  it('without a date line, it is the date', () => {
    expect(resolvePlainTextDate(undefined, 'seed.txt', '2025-01-02', TODAY)).toBe('2025-01-02');
  });

  it('disagreeing with the date line, it is an error naming the date line’s line', () => {
    let error: unknown;
    try {
      resolvePlainTextDate(monthDay, 'seed.txt', '2026-03-15', TODAY);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(9);
    expect((error as InputError).message).toBe('seed.txt:9: the date line says Mar 14 but --date is 2026-03-15');
  });

  it('through runImport: an agreeing --date names the digest, a disagreeing one writes nothing', async () => {
    const contentDir = await tempDir();
    const plans = await runImport({ files: [SEED_PATH], contentDir, date: '2024-03-14', today: TODAY, dryRun: true });
    expect(plans.map((plan) => plan.date)).toEqual(['2024-03-14']);

    await expect(runImport({ files: [SEED_PATH], contentDir, date: '2026-03-15', today: TODAY })).rejects.toThrow(
      `${SEED_PATH}:9: the date line says Mar 14 but --date is 2026-03-15`,
    );
    // Only the month and day are checked against the date line: another year is accepted.
    await expect(runImport({ files: [SEED_PATH], contentDir, date: '2025-03-14', today: TODAY, dryRun: true })).resolves.toHaveLength(1);
    expect(await snapshotDir(contentDir)).toEqual({});
  });

  it('must be a real date', async () => {
    await expect(runImport({ files: [SEED_PATH], contentDir: await tempDir(), date: '2026-02-30', today: TODAY })).rejects.toThrow(
      '--date: "2026-02-30" is not a real date as YYYY-MM-DD',
    );
  });
});
