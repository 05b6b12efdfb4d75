import { fixtureTopics, type FixtureContent, type FixturePaper } from './fixture-content.ts';

export const TIE_TITLE = 'Tie <A> & Co';

/** W53 papers w53-001 … w53-055 on 2026-12-28, with 101 - n upvotes that day. */
export const w53 = (n: number) => `w53-${String(n).padStart(3, '0')}`;

/**
 * Weeks and months for the rankings, around the ISO year boundary:
 * - 2026-W52: 2026-12-22.
 * - 2026-W53 (Dec 28, 2026 – Jan 3, 2027): 55 papers on 12-28; on 12-31 w53-055
 *   again with 500 upvotes and "tie" with 60, as many as w53-041 had on 12-28;
 *   on 2027-01-01 "new-year": 57 papers, two pages.
 * - 2027-W01: 2027-01-04, a plain-text day without upvotes; the newest digest,
 *   so W53 is over and W01 is not.
 */
export function periodsFixture(): FixtureContent {
  const paper = (slug: string, title: string, extra: Record<string, unknown> = {}): FixturePaper => ({
    slug,
    frontMatter: { title, topics: ['alpha'], ...extra },
    body: `The abstract of ${title.toLowerCase()} studies alpha things.`,
  });
  const bulk = Array.from({ length: 55 }, (_, index) =>
    paper(w53(index + 1), `Week fifty-three paper ${index + 1}`, index % 5 === 0 ? { links: { code: `https://github.com/example/w53-${index + 1}` } } : {}),
  );
  return {
    topics: fixtureTopics,
    papers: [
      ...bulk,
      paper('tie', TIE_TITLE),
      paper('new-year', 'New Year Paper'),
      paper('w52-a', 'Week fifty-two A'),
      paper('w52-b', 'Week fifty-two B'),
      paper('plain-1', 'Plain one'),
      paper('plain-2', 'Plain two'),
      paper('plain-3', 'Plain three'),
    ],
    digests: [
      { date: '2026-12-22', papers: ['w52-a', 'w52-b'], upvotes: { 'w52-a': 5, 'w52-b': 9 } },
      {
        date: '2026-12-28',
        papers: bulk.map((p) => p.slug),
        upvotes: Object.fromEntries(bulk.map((p, index) => [p.slug, 100 - index])),
      },
      { date: '2026-12-31', papers: ['tie', w53(55)], upvotes: { tie: 60, [w53(55)]: 500 } },
      { date: '2027-01-01', papers: ['new-year'], upvotes: { 'new-year': 1 } },
      { date: '2027-01-04', papers: ['plain-1', 'plain-2', 'plain-3'] },
    ],
  };
}
