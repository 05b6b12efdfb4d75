import { describe, expect, it } from 'vitest';
import { buildSiteModel, type SiteSources } from '#/lib/site-model.ts';
import { groupByPeriod, knownUpvotes, periodRankings, rankPeriod } from '#/lib/rankings.ts';
import type { PaperData } from '#/lib/schemas.ts';
import { loadedSources } from '../helpers/site-sources.ts';

const topics: SiteSources['topics'] = [
  { id: 'misc', data: { id: 'misc', name: 'Misc', description: 'Anything.', match: { phrases: ['anything'], patterns: [], exclude: [], titlePhrases: [] } } },
];
const paper = (id: string, data: Partial<PaperData> = {}) => ({ id, data: { title: `Paper ${id}`, ...data }, body: `About ${id}.` });

/** A small site: a week with a paper on two days, ties, a plain-text day, and the ISO year boundary. */
function site() {
  return buildSiteModel(
    loadedSources({
      topics,
      papers: [
        paper('twice', { upvotes: 5 }),
        paper('tie-early'),
        paper('tie-late'),
        paper('top'),
        paper('plain-a'),
        paper('plain-b'),
        paper('own-count', { upvotes: 99 }),
        paper('new-year'),
      ],
      digests: [
        // Monday of 2026-W10: "twice" first seen with 10 upvotes, then with 30 on Wednesday.
        { id: '2026-03-02', data: { date: '2026-03-02', papers: ['twice', 'tie-early', 'plain-a'], upvotes: { twice: 10, 'tie-early': 20 } } },
        { id: '2026-03-04', data: { date: '2026-03-04', papers: ['top', 'tie-late', 'twice'], upvotes: { top: 50, 'tie-late': 20, twice: 30 } } },
        // A plain-text digest: no upvotes at all.
        { id: '2026-03-05', data: { date: '2026-03-05', papers: ['plain-b', 'own-count'] } },
        { id: '2026-12-31', data: { date: '2026-12-31', papers: ['new-year'], upvotes: { 'new-year': 3 } } },
        { id: '2027-01-01', data: { date: '2027-01-01', papers: ['tie-early'], upvotes: { 'tie-early': 1 } } },
      ],
    }),
    { excerptLength: 40, relatedPapers: 2 },
  );
}

const ranked = (digests: Parameters<typeof rankPeriod>[0]) =>
  rankPeriod(digests).map(({ paper, upvotes, firstDate, firstRank }) => [paper.slug, upvotes, firstDate, firstRank]);

describe('rankPeriod', () => {
  it('ranks by upvotes, a paper of several days once with its highest count, ties and papers without counts by day then rank', () => {
    const model = site();
    const week = groupByPeriod('week', model.digests).find(({ period }) => period.id === '2026-W10')!;
    expect(ranked(week.digests)).toEqual([
      // Its own count (99) is known too, though its day gave none.
      ['own-count', 99, '2026-03-05', 2],
      ['top', 50, '2026-03-04', 1],
      ['twice', 30, '2026-03-02', 1],
      // 20 each: the earlier day first.
      ['tie-early', 20, '2026-03-02', 2],
      ['tie-late', 20, '2026-03-04', 2],
      // No count anywhere: after every counted paper, by day, then rank.
      ['plain-a', undefined, '2026-03-02', 3],
      ['plain-b', undefined, '2026-03-05', 1],
    ]);
  });

  it('keeps a higher count seen on an earlier day', () => {
    const model = site();
    const [first, second] = [model.digestsByDate.get('2026-03-04')!, model.digestsByDate.get('2026-03-02')!];
    // "twice": 30 on the 4th, 10 on the 2nd; whichever order the days come in, 30 stays.
    expect(rankPeriod([second, first]).find(({ paper }) => paper.slug === 'twice')!.upvotes).toBe(30);
  });
});

describe('groupByPeriod', () => {
  it('puts 2026-12-31 and 2027-01-01 in 2026-W53, and in two months', () => {
    const model = site();
    const weeks = groupByPeriod('week', model.digests);
    expect(weeks.map(({ period, digests }) => [period.id, digests.map((digest) => digest.date)])).toEqual([
      ['2026-W53', ['2026-12-31', '2027-01-01']],
      ['2026-W10', ['2026-03-02', '2026-03-04', '2026-03-05']],
    ]);
    expect(groupByPeriod('month', model.digests).map(({ period }) => period.id)).toEqual(['2027-01', '2026-12', '2026-03']);
  });
});

describe('periodRankings', () => {
  it('counts papers with code, and is computed once per site', () => {
    const model = site();
    const weeks = periodRankings(model, 'week');
    expect(periodRankings(model, 'week')).toBe(weeks);
    expect(weeks[0]!.ranking.map(({ paper }) => paper.slug)).toEqual(['new-year', 'tie-early']);
    expect(weeks[0]!.withCode).toBe(0);
  });
});

describe('knownUpvotes', () => {
  it('is the highest of the paper’s own count and its days’ counts', () => {
    const model = site();
    expect(knownUpvotes(model.papers.get('twice')!)).toBe(30);
    expect(knownUpvotes(model.papers.get('own-count')!)).toBe(99);
    expect(knownUpvotes(model.papers.get('plain-a')!)).toBeUndefined();
  });
});
