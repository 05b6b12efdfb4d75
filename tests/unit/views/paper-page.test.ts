import { describe, expect, it } from 'vitest';
import { paperPageView } from '#/lib/views/paper-page.ts';
import { pageKey } from '#/lib/views/page-key.ts';
import { retitled, smallSite } from '../../helpers/site-sources.ts';

const origin = new URL('https://papers.example.org');
const view = (slug: string, site = smallSite()) => paperPageView(site, site.papers.get(slug)!, origin);

describe('paperPageView', () => {
  it("links arXiv's abstract and PDF first, then the paper's own links, arXiv's PDF standing for its own", () => {
    expect(view('q1').links).toEqual([
      { label: 'arXiv abstract', url: 'https://arxiv.org/abs/2403.00001' },
      { label: 'PDF', url: 'https://arxiv.org/pdf/2403.00001' },
      { label: 'Code', url: 'https://github.com/a/q1' },
    ]);
  });

  it('lists its digests newest first, with rank and upvotes', () => {
    expect(view('q1').appearances).toEqual([
      { date: '2026-03-14', rank: 2, upvotes: 7 },
      { date: '2026-03-13', rank: 1, upvotes: 5 },
    ]);
  });

  it('cites the published date, else the day it first trended, and its own page when it has no arXiv id', () => {
    expect(view('q2').bibtex).toContain('year = {2026}');
    expect(view('q3').bibtex).toContain('https://papers.example.org/papers/q3/');
    expect(view('q3').jsonLd['datePublished']).toBe('2026-03-13');
    expect(view('q2').jsonLd['datePublished']).toBe('2026-03-01');
  });

  it('names its neighbours after its newest digest', () => {
    expect(view('q1').neighbours).toEqual({
      label: 'Papers of March 14, 2026',
      previous: { slug: 'a1', titleHtml: 'An agent' },
      next: { slug: 'q3', titleHtml: 'Quantization three' },
    });
  });

  it('offers its topics’ feeds', () => {
    expect(view('a1').feeds).toEqual([{ title: 'papertide: Agents', path: 'topics/agents/rss.xml' }]);
  });
});

describe('a paper page’s key', () => {
  it('changes when a paper it links to is retitled, and not when an unrelated one is', () => {
    const key = (slug: string, edit?: Parameters<typeof smallSite>[0]) => pageKey(view(slug, smallSite(edit)));
    // q3 is q1's next neighbour.
    expect(key('q1', retitled('q3'))).not.toBe(key('q1'));
    // a1 is neither q2's neighbour nor among its related papers.
    expect(view('q2').related.map((paper) => paper.slug)).not.toContain('a1');
    expect(key('q2', retitled('a1'))).toBe(key('q2'));
  });
});
