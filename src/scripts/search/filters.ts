/**
 * The Filters pane: a fieldset per filter group, a checkbox per value with how
 * many of the current results have it. Built the first time it opens, from the
 * filter index (which a plain query never loads). The page imports this module
 * only then, too: a query that opens no filters fetches none of its code.
 */
import type { Counts } from './engine.ts';
import { el } from './render.ts';
import { GROUPS, type SearchState } from './url-state.ts';

const VALUE_LABELS: Record<string, string> = { 'code:yes': 'Has code', 'code:no': 'No code' };

/** Months newest first; other values by how many papers have them. */
function orderValues(name: string, counts: Record<string, number>): string[] {
  const byCount = (a: string, b: string) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b);
  const time = (month: string) => Date.parse(`1 ${month}`);
  const values = Object.keys(counts);
  const months = name === 'month' && values.every((month) => !Number.isNaN(time(month)));
  return values.sort(months ? (a, b) => time(b) - time(a) : name === 'code' ? (a, b) => b.localeCompare(a) : byCount);
}

export class FilterPane {
  /** Filter values in display order, once the filter index is loaded. */
  private order: Array<[string, string[]]> | undefined;
  private readonly boxes = new Map<string, { label: HTMLLabelElement; box: HTMLInputElement; count: HTMLElement }>();
  /** Each filter group's list of values. */
  private readonly lists = new Map<string, HTMLElement>();

  private readonly pane: HTMLElement;

  constructor(pane: HTMLElement) {
    this.pane = pane;
  }

  get built(): boolean {
    return this.order !== undefined;
  }

  /** Builds the groups once, with every value in the index; counts are filled in per search. */
  build(all: Counts, state: SearchState): void {
    this.order = GROUPS.filter(([name]) => all[name]).map(([name]) => {
      const values = orderValues(name, all[name]!);
      // A value in the address that the index lacks still shows, checked, so it can be unchecked.
      for (const value of state.filters[name] ?? []) if (!values.includes(value)) values.push(value);
      return [name, values];
    });
    const groups = this.order.map(([name, values]) => {
      const fieldset = el('fieldset', `search-filter-group search-filter-${name}`);
      fieldset.appendChild(el('legend', undefined, GROUPS.find(([group]) => group === name)![1]));
      const options = fieldset.appendChild(el('div', 'search-filter-options'));
      this.lists.set(name, options);
      for (const value of values) {
        const label = options.appendChild(el('label', 'search-filter-option'));
        const box = label.appendChild(el('input'));
        box.type = 'checkbox';
        box.name = name;
        box.value = value;
        label.append(el('span', undefined, VALUE_LABELS[`${name}:${value}`] ?? value), ' ');
        const count = label.appendChild(el('span', 'search-filter-count'));
        this.boxes.set(`${name}\n${value}`, { label, box, count });
      }
      return fieldset;
    });
    this.pane.replaceChildren(...groups);
    this.check(state);
  }

  /** Ticks the boxes of the state's filters (after a reload or the back button). */
  check(state: SearchState): void {
    for (const { box } of this.boxes.values()) box.checked = state.filters[box.name]?.includes(box.value) ?? false;
  }

  /**
   * Each value's count for the current search; values no result has are hidden
   * unless checked. Topics go in order of their counts, but never while the
   * focus is in the filters: nothing moves under the reader's hand.
   */
  updateCounts(counts: Counts): void {
    if (!this.order) return;
    const still = this.pane.contains(document.activeElement);
    for (const [name, values] of this.order) {
      // A search made before the filter index was loaded has no counts for it: keep the last ones.
      if (!counts[name]) continue;
      for (const value of values) {
        const { label, box, count } = this.boxes.get(`${name}\n${value}`)!;
        const n = counts[name][value] ?? 0;
        count.textContent = String(n);
        label.hidden = n === 0 && !box.checked && document.activeElement !== box;
      }
      if (name === 'topic' && !still) {
        const order = orderValues(name, Object.fromEntries(values.map((value) => [value, counts[name]![value] ?? 0])));
        this.lists.get(name)!.append(...order.map((value) => this.boxes.get(`${name}\n${value}`)!.label));
      }
    }
  }
}
