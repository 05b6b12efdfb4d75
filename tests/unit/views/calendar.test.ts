import { describe, expect, it } from 'vitest';
import { buildSiteModel, type SiteSources } from '#/lib/site-model.ts';
import { calendarViews } from '#/lib/views/calendar.ts';
import { pageKey } from '#/lib/views/page-key.ts';
import { loadedSources } from '../../helpers/site-sources.ts';

const topics: SiteSources['topics'] = [
  { id: 'misc', data: { id: 'misc', name: 'Misc', description: 'Anything.', match: { phrases: ['anything'], patterns: [], exclude: [], titlePhrases: [] } } },
];

function site(upvotes = 1) {
  const papers = ['a', 'b', 'c'].map((id) => ({ id, data: { title: `Paper ${id}` }, body: `About ${id}.` }));
  return buildSiteModel(
    loadedSources({
      topics,
      papers,
      digests: [
        { id: '2025-12-30', data: { date: '2025-12-30', papers: ['a'] } },
        { id: '2026-02-02', data: { date: '2026-02-02', papers: ['a', 'b'] } },
        { id: '2026-03-01', data: { date: '2026-03-01', papers: ['b', 'c'], upvotes: { b: upvotes } } },
      ],
    }),
    { excerptLength: 40, relatedPapers: 2 },
  );
}

describe('calendarViews', () => {
  it('gives one calendar per year, newest first, each knowing every year with its counts', () => {
    const views = calendarViews(site());
    expect(views.map((view) => [view.year, view.isNewest])).toEqual([
      [2026, true],
      [2025, false],
    ]);
    expect(views[0]!.years).toEqual([
      { year: 2026, paperCount: 3, digestCount: 2 },
      { year: 2025, paperCount: 1, digestCount: 1 },
    ]);
    expect(views[0]!.newest).toMatchObject({ week: { id: '2026-W09' }, month: { id: '2026-03', title: 'March 2026' } });
    expect(views[1]!.newest).toBeUndefined();
  });

  it('lays out a month in weeks, Monday first, with the digest days and their counts', () => {
    const [newest] = calendarViews(site());
    expect(newest!.months.map((month) => [month.month.id, month.paperCount, month.digestCount])).toEqual([
      ['2026-03', 2, 1],
      ['2026-02', 2, 1],
    ]);
    const march = newest!.months[0]!;
    // March 2026 starts on a Sunday: six rows, W09 to W14.
    expect(march.weeks.map((row) => row.week.id)).toEqual(['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14']);
    expect(march.weeks[0]!.days.slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(march.weeks[0]!.days[6]).toEqual({ date: '2026-03-01', day: 1, paperCount: 2 });
    expect(march.weeks[1]!.days[0]).toEqual({ date: '2026-03-02', day: 2, paperCount: undefined });
    // Only weeks with a digest have a ranking to link to.
    expect(march.weeks.map((row) => row.linked)).toEqual([true, false, false, false, false, false]);
    expect(march.weeks.at(-1)!.days.slice(2)).toEqual([null, null, null, null, null]);
  });

  it('links a week row that starts in the previous year to its ISO week', () => {
    const older = calendarViews(site())[1]!;
    const lastRow = older.months[0]!.weeks.at(-1)!;
    expect(lastRow.week).toMatchObject({ id: '2026-W01', short: 'Week 1 of 2026' });
    expect(lastRow.linked).toBe(true);
  });

  it('changes its cache key when anything it shows changes, and only then', () => {
    const key = (model: ReturnType<typeof site>) => calendarViews(model).map((view) => pageKey(view));
    expect(key(site())).toEqual(key(site()));
    // Upvotes are not shown on the calendar.
    expect(key(site(7))).toEqual(key(site()));
  });
});
