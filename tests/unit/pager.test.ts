import { describe, it, expect } from 'vitest';
import { pagerItems, type PagerItem } from '#/lib/pager.ts';

/** Items as a reader sees them: `1 … 4 5 6 … 12`. */
const read = (items: PagerItem[]) => items.map((item) => ('gap' in item ? '…' : String(item.page))).join(' ');
const pagesOf = (items: PagerItem[]) => items.flatMap((item) => ('page' in item ? [item.page] : []));

describe('pagerItems', () => {
  it('shows every page when there are few', () => {
    expect(read(pagerItems(1, 1))).toBe('1');
    expect(read(pagerItems(2, 2))).toBe('1 2');
    expect(read(pagerItems(1, 3))).toBe('1 2 3');
    expect(read(pagerItems(3, 5))).toBe('1 2 3 4 5');
  });

  it('shows the first and last page and the neighbours of the current one, with gaps between', () => {
    expect(read(pagerItems(6, 12))).toBe('1 … 5 6 7 … 12');
    expect(read(pagerItems(2, 12))).toBe('1 2 3 … 12');
    expect(read(pagerItems(1, 12))).toBe('1 2 … 12');
    expect(read(pagerItems(12, 12))).toBe('1 … 11 12');
  });

  it('shows a single left-out page instead of a gap', () => {
    expect(read(pagerItems(1, 4))).toBe('1 2 3 4');
    expect(read(pagerItems(4, 12))).toBe('1 2 3 4 5 … 12');
    expect(read(pagerItems(9, 12))).toBe('1 … 8 9 10 11 12');
  });

  it('widens the window with `around`', () => {
    expect(read(pagerItems(10, 20, 2))).toBe('1 … 8 9 10 11 12 … 20');
  });

  it('stays short and in order on any page of a long topic', () => {
    for (let current = 1; current <= 200; current++) {
      const items = pagerItems(current, 200);
      expect(items.length, `page ${current}`).toBeLessThanOrEqual(7);
      const pages = pagesOf(items);
      expect(pages).toEqual([...pages].sort((a, b) => a - b));
      expect(new Set(pages).size).toBe(pages.length);
      for (const page of [1, current, 200]) expect(pages).toContain(page);
      // A gap never stands for just one page, and never two gaps in a row.
      for (const [index, item] of items.entries()) {
        if (!('gap' in item)) continue;
        const before = items[index - 1] as { page: number };
        const after = items[index + 1] as { page: number };
        expect(after.page - before.page).toBeGreaterThan(2);
      }
    }
  });

  it('refuses a page outside the range', () => {
    expect(() => pagerItems(0, 3)).toThrow(RangeError);
    expect(() => pagerItems(4, 3)).toThrow(RangeError);
    expect(() => pagerItems(1.5, 3)).toThrow(RangeError);
  });
});
