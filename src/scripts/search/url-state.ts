import { SORTS, type SortName } from '#/lib/search-fields.ts';

/** What is searched: the address holds it, so a reload, a shared link or the back button shows the same. */
export interface SearchState {
  term: string;
  /** Checked values by filter group. */
  filters: Record<string, string[]>;
  /** '' is best match. */
  sort: SortName | '';
}

/** Filter groups, each a parameter of the address, in the order the Filters pane shows them, with their legends. */
export const GROUPS: Array<[name: string, legend: string]> = [
  ['topic', 'Topic'],
  ['month', 'Month'],
  ['code', 'Code'],
];
export const GROUP_NAMES = GROUPS.map(([name]) => name);

const isSort = (value: string | null): value is SortName => value !== null && Object.hasOwn(SORTS, value);

/** Reads ?q=…&topic=…&month=…&code=…&sort=… (unknown sorts and empty values are ignored). */
export function readState(search: string, groups: readonly string[]): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const name of groups) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length > 0) filters[name] = values;
  }
  const sort = params.get('sort');
  return { term: params.get('q') ?? '', filters, sort: isSort(sort) ? sort : '' };
}

/** The query string for a state ('' when nothing is searched), in a stable order. */
export function writeState(state: SearchState, groups: readonly string[]): string {
  const params = new URLSearchParams();
  if (state.term.trim()) params.set('q', state.term.trim());
  for (const name of groups) for (const value of state.filters[name] ?? []) params.append(name, value);
  if (state.sort) params.set('sort', state.sort);
  return params.toString();
}

export const selectedCount = (state: SearchState) => Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
