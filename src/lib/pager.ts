/** A page number to link, or a gap standing for the pages left out between two of them. */
export type PagerItem = { page: number } | { gap: true };

/**
 * The page links a pager shows: the first and last page, and `around` pages on
 * each side of the current one. Pages left out become one gap each, except a
 * single page, which is shown: a gap would take as much room.
 * At most 2 * around + 5 items, however many pages there are.
 */
export function pagerItems(current: number, last: number, around = 1): PagerItem[] {
  if (!Number.isInteger(current) || !Number.isInteger(last) || current < 1 || current > last) {
    throw new RangeError(`page ${current} is not between 1 and ${last}`);
  }
  const shown = new Set([1, last]);
  for (let page = Math.max(1, current - around); page <= Math.min(last, current + around); page++) shown.add(page);
  const pages = [...shown].sort((a, b) => a - b);
  const items: PagerItem[] = [];
  for (const [index, page] of pages.entries()) {
    const previous = pages[index - 1];
    if (previous !== undefined && page - previous === 2) items.push({ page: previous + 1 });
    else if (previous !== undefined && page - previous > 2) items.push({ gap: true });
    items.push({ page });
  }
  return items;
}
