import { describe, expect, it } from 'vitest';
import { digestPageView } from '#/lib/views/digest-page.ts';
import { digestNewsletter } from '#/lib/views/newsletter.ts';
import { pageKey } from '#/lib/views/page-key.ts';
import { retitled, smallSite } from '../../helpers/site-sources.ts';

const origin = new URL('https://papers.example.org');

describe('digestPageView', () => {
  it('names the day and the days around it the one way, with its papers ranked', () => {
    const site = smallSite();
    const view = digestPageView(site.digestsByDate.get('2026-03-14')!, origin);
    expect(view.title).toBe('Papers of March 14, 2026');
    expect(view.older).toEqual({ date: '2026-03-13', title: 'Papers of March 13, 2026' });
    expect(view.newer).toBeUndefined();
    expect(view.cards.map((card) => [card.rank, card.slug, card.upvotes])).toEqual([
      [1, 'a1', 12],
      [2, 'q1', 7],
      [3, 'q3', undefined],
    ]);
    expect(view.withCode).toBe(1);
    expect(digestNewsletter(site.digestsByDate.get('2026-03-14')!).heading).toBe(view.title);
  });

  it('keys the page and its newsletter by what they show: a listed paper’s title, not another day’s', () => {
    const key = (edit?: Parameters<typeof smallSite>[0]) => {
      const digest = smallSite(edit).digestsByDate.get('2026-03-14')!;
      return [pageKey(digestPageView(digest, origin)), pageKey(digestNewsletter(digest))];
    };
    const [page, newsletter] = key();
    const [retitledPage, retitledNewsletter] = key(retitled('q3'));
    expect(retitledPage).not.toBe(page);
    expect(retitledNewsletter).not.toBe(newsletter);
    // q2 is listed on the 13th only.
    expect(key(retitled('q2'))).toEqual([page, newsletter]);
  });
});
