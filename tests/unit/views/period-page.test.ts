import { describe, expect, it } from 'vitest';
import { buildSiteModel, type SiteSources } from '#/lib/site-model.ts';
import { periodPageViews } from '#/lib/views/period-page.ts';
import { pageKey } from '#/lib/views/page-key.ts';
import { periodIndexView } from '#/lib/views/period-index.ts';
import { loadedSources } from '../../helpers/site-sources.ts';

const topics: SiteSources['topics'] = [
  { id: 'misc', data: { id: 'misc', name: 'Misc', description: 'Anything.', match: { phrases: ['anything'], patterns: [], exclude: [], titlePhrases: [] } } },
];

/** Seven papers on 2026-03-02 (W10) with falling upvotes, one of them with code; one paper on 2026-03-09 (W11). */
function site(upvotesOfLast = 1) {
  const ids = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'next-week'];
  return buildSiteModel(
    loadedSources({
      topics,
      papers: ids.map((id) => ({ id, data: { title: `Paper ${id}`, ...(id === 'p2' ? { links: { code: 'https://github.com/x/y' } } : {}) }, body: `About ${id}.` })),
      digests: [
        {
          id: '2026-03-02',
          data: { date: '2026-03-02', papers: ids.slice(0, 7), upvotes: { p1: 70, p2: 60, p3: 50, p4: 40, p5: 30, p6: 20, p7: upvotesOfLast } },
        },
        { id: '2026-03-09', data: { date: '2026-03-09', papers: ['next-week'] } },
      ],
    }),
    { excerptLength: 40, relatedPapers: 2 },
  );
}

describe('periodPageViews', () => {
  it('splits a period into pages, ranks continuing across them, with the period’s counts, days and neighbours', () => {
    const views = periodPageViews(site(), 'week', 3);
    expect(views.map((view) => [view.period.id, view.page, view.lastPage])).toEqual([
      ['2026-W11', 1, 1],
      ['2026-W10', 1, 3],
      ['2026-W10', 2, 3],
      ['2026-W10', 3, 3],
    ]);
    const second = views[2]!;
    expect(second.cards.map((card) => [card.rank, card.slug, card.upvotes])).toEqual([
      [4, 'p4', 40],
      [5, 'p5', 30],
      [6, 'p6', 20],
    ]);
    expect(second).toMatchObject({
      title: 'Week 10 of 2026: March 2–8',
      paperCount: 7,
      withCode: 1,
      days: [{ date: '2026-03-02', paperCount: 7 }],
      older: undefined,
      newer: { kind: 'week', id: '2026-W11', title: 'Week 11 of 2026: March 9–15' },
    });
    expect(views[0]!.older).toMatchObject({ id: '2026-W10' });
  });

  it('changes the key of exactly the pages whose cards change', () => {
    const keys = (model: ReturnType<typeof site>) => periodPageViews(model, 'week', 3).map((view) => pageKey(view));
    const before = keys(site(1));
    const after = keys(site(2));
    // p7's count is on W10's last page only.
    expect(after.map((key, index) => key !== before[index])).toEqual([false, false, false, true]);
  });
});

describe('periodIndexView', () => {
  it('lists months newest first with their counts', () => {
    expect(periodIndexView(site(), 'month')).toEqual({
      kind: 'month',
      periods: [{ kind: 'month', id: '2026-03', title: 'March 2026', paperCount: 8, withCode: 1, dayCount: 2 }],
    });
  });
});
