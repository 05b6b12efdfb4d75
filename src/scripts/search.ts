/**
 * The search page's interface, on Pagefind's JS API (<base>pagefind/pagefind.js,
 * loaded with a dynamic import on this page only). It keeps the search in the
 * address (?q=…&topic=…&month=…&code=…&sort=date), shows results ten at a time
 * (each result's data is fetched only when it is shown), and loads the filter
 * index only when the Filters disclosure is opened: a plain query fetches no
 * filter data at all. All text reaches the page as text nodes.
 */

import { everyShard, mergeArchives, shardOrder } from './search/shards.ts';
import { HOT_SHARD, SHARD_FILTER } from '../lib/search-shards.ts';

type Filters = Record<string, string[]>;
type Counts = Record<string, Record<string, number>>;

interface ResultData {
  url: string;
  excerpt?: string;
  meta?: { title?: string; date?: string; topics?: string };
}
interface SearchResponse {
  results: Array<{ id: string; score: number; data(): Promise<ResultData> }>;
  /** For each filter value, the results that also have it (only for filters whose index is loaded). */
  filters: Counts;
}
interface SearchOptions {
  filters: Record<string, { any: string[] }>;
  sort: Record<string, 'asc' | 'desc'>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string, options: SearchOptions): Promise<SearchResponse>;
  preload(term: string, options: SearchOptions): Promise<void>;
  debouncedSearch(term: string, options: SearchOptions, ms: number): Promise<SearchResponse | null>;
  filters(): Promise<Counts>;
}

const PAGE = 10;
/** Filter groups in the order shown, with their legends. */
const GROUPS: Array<[name: string, legend: string]> = [
  ['topic', 'Topic'],
  ['month', 'Month'],
  ['code', 'Code'],
];
const VALUE_LABELS: Record<string, string> = { 'code:yes': 'Has code', 'code:no': 'No code' };

const root = document.querySelector<HTMLElement>('[data-search]')!;
/** The index's archive shards, merged into the hot one (src/lib/search-shards.ts); in merge order, with it first. */
const archives = (root.dataset.archives ?? '').split(' ').filter(Boolean);
const shards = [HOT_SHARD, ...archives];
/** Pagefind's options, the same for every shard so that they rank alike. */
const pagefindOptions = {
  // Record URLs are site paths (/papers/x/); Pagefind puts BASE_PATH in front of them.
  baseUrl: root.dataset.base,
  excerptLength: 36,
  // An excerpt that starts or ends inside the abstract says so.
  excerptEllipsis: '…',
  // The same tag as the page's <link rel="preload"> of pagefind-entry.json (by default Pagefind adds a new one per visit).
  metaCacheTag: root.dataset.build,
  // The date is metadata (so results can show it), and Pagefind searches metadata too:
  // weight 0 keeps "2026" or "14" from ranking anything.
  ranking: { metaWeights: { date: 0 } },
  // No web worker: one script less to fetch (43 KB), and a search takes milliseconds on the main thread.
  noWorker: true,
};
// Pagefind first: its script, index metadata and WebAssembly load while the rest of the page sets up.
const pagefind: Promise<Pagefind> = import(/* @vite-ignore */ `${root.dataset.bundle}pagefind.js`).then(async (module: Pagefind) => {
  await module.options(pagefindOptions);
  await module.init();
  await mergeArchives(module, root.dataset.bundle!, archives, pagefindOptions);
  // Pagefind splits the query with Intl.Segmenter, whose first use loads 10–40 ms of locale
  // data: done in idle time while the index downloads, if the network leaves any (localhost doesn't).
  if ('requestIdleCallback' in window && 'Segmenter' in Intl) {
    requestIdleCallback(() => new Intl.Segmenter(document.documentElement.lang || undefined, { granularity: 'grapheme' }));
  }
  return module;
});
// Failures show in the summary when a search awaits this.
pagefind.catch(() => {});
root.hidden = false;
const $ = <T extends Element>(name: string) => root.querySelector<T>(`[data-search-${name}]`)!;
const form = $<HTMLFormElement>('form');
const input = $<HTMLInputElement>('input');
const toolbar = $<HTMLElement>('toolbar');
const filterBox = $<HTMLDetailsElement>('filters');
const filterPane = $<HTMLElement>('filter-pane');
const filterCount = $<HTMLElement>('filter-count');
const sortSelect = $<HTMLSelectElement>('sort');
const summary = $<HTMLElement>('summary');
const list = $<HTMLOListElement>('results');
const more = $<HTMLButtonElement>('more');
/**
 * Dates are written from a pattern and month names the build took from Intl in the
 * site's language ("{month} {day}, {year}"): a page's first Intl formatter costs
 * 10–20 ms of locale data, on the way to the first result.
 */
const datePattern = root.dataset.datePattern!;
const monthNames = root.dataset.months!.split(',');
const formatDate = (iso: string) => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return datePattern.replace('{year}', String(year)).replace('{month}', monthNames[month - 1]!).replace('{day}', String(day));
};

const failed = 'Search could not load. Try again later, or browse the papers by topic or through the digests.';
const state = { term: '', filters: {} as Filters, sort: '' };
let current: SearchResponse | undefined;
let shown = 0;
let seq = 0;
/** Filter values in display order, once the filter index is loaded; and each value's checkbox. */
let filterOrder: Array<[string, string[]]> | undefined;
const boxes = new Map<string, { label: HTMLLabelElement; box: HTMLInputElement; count: HTMLElement }>();
/** Each filter group's list of values. */
const lists = new Map<string, HTMLElement>();

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Pagefind's excerpt is the record's text with `<` and `>` escaped and <mark>
 * around the matched words, and nothing else: it is rebuilt from that structure
 * as text nodes and <mark>s, so no other markup can reach the page.
 */
function excerptNodes(excerpt: string): Node[] {
  const text = (part: string) => part.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return excerpt.split(/<(\/?)mark>/).flatMap((part, i, parts) => {
    // split() with the capture group gives: text, "" (open) or "/" (close), text, …
    if (i % 2 === 1 || part === '') return [];
    const marked = i > 0 && parts[i - 1] === '';
    return [marked ? el('mark', undefined, text(part)) : document.createTextNode(text(part))];
  });
}

/** A result's link; only site paths and http(s) URLs are linked. */
function href(url: string): string {
  try {
    return ['http:', 'https:'].includes(new URL(url, location.href).protocol) ? url : '#';
  } catch {
    return '#';
  }
}

function renderResult(data: ResultData): HTMLLIElement {
  const item = el('li', 'search-result');
  const link = item.appendChild(el('h2', 'search-result-title')).appendChild(el('a', undefined, data.meta?.title || 'Untitled'));
  link.href = href(data.url);
  const details = el('p', 'search-result-meta');
  const date = data.meta?.date;
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    details.appendChild(el('time', undefined, formatDate(date))).dateTime = date;
  }
  if (data.meta?.topics) details.appendChild(el('span', 'search-result-topics', data.meta.topics));
  if (details.firstChild) item.appendChild(details);
  if (data.excerpt) item.appendChild(el('p', 'search-result-excerpt')).append(...excerptNodes(data.excerpt));
  return item;
}

/**
 * Shows the next ten results of the current search, each as soon as it and the
 * ones before it have loaded; false when a newer search took over.
 */
async function showMore(id: number): Promise<boolean> {
  const page = current!.results.slice(shown, shown + PAGE).map((result) => result.data());
  for (const data of page) {
    const item = renderResult(await data);
    if (id !== seq) return false;
    list.append(item);
    shown++;
  }
  more.hidden = shown >= current!.results.length;
  return true;
}

let indexReady: Promise<void> | undefined;
/**
 * Resolves once Pagefind has loaded its index and the chunks for `term`. Until its
 * index is loaded, a Pagefind call checks again every 50 ms; five calls 10 ms apart
 * notice within 10 ms, which takes ~20 ms off the first search of a visit.
 */
function whenReady(api: Pagefind, term: string): Promise<void> {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const tries = [0, 10, 20, 30, 40].map((ms) => wait(ms).then(() => api.preload(term, options())));
  for (const attempt of tries) attempt.catch(() => {});
  return Promise.race(tries);
}

/** Values checked in one group widen it (any of them: March or April); groups narrow each other. */
const options = (): SearchOptions => ({
  filters: {
    ...Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, { any: values }])),
    // Sorted, each shard's results are counted, to put them in order (search/shards.ts).
    ...(state.sort && archives.length > 0 ? everyShard(shards) : {}),
  },
  sort: state.sort === 'date' ? { date: 'desc' } : {},
});

async function run(debounce = false): Promise<void> {
  const id = ++seq;
  const term = state.term.trim();
  writeUrl();
  toolbar.hidden = term === '';
  if (!term) {
    current = undefined;
    list.replaceChildren();
    more.hidden = true;
    summary.textContent = '';
    return;
  }
  try {
    const api = await pagefind;
    if (!indexReady) await (indexReady = whenReady(api, term));
    const response = debounce ? await api.debouncedSearch(term, options(), 150) : await api.search(term, options());
    if (!response || id !== seq) return;
    if (state.sort && archives.length > 0) response.results = shardOrder(response.results, shards, response.filters[SHARD_FILTER] ?? {});
    current = response;
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
    if (!(await showMore(id))) return;
    const count = response.results.length;
    summary.textContent = count === 0 ? `No results for ${term}` : `${count} ${count === 1 ? 'result' : 'results'} for ${term}`;
    updateCounts(response.filters);
  } catch {
    if (id === seq) summary.textContent = failed;
  }
}

/** The address says what is searched, so a reload, a shared link or the back button shows the same. */
function writeUrl(): void {
  const params = new URLSearchParams();
  if (state.term.trim()) params.set('q', state.term.trim());
  for (const [name] of GROUPS) for (const value of state.filters[name] ?? []) params.append(name, value);
  if (state.sort) params.set('sort', state.sort);
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  // Replace, not push: one history entry per visit, not one per keystroke.
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
}

function readUrl(): void {
  const params = new URLSearchParams(location.search);
  state.term = params.get('q') ?? '';
  state.filters = {};
  for (const [name] of GROUPS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length > 0) state.filters[name] = values;
  }
  state.sort = params.get('sort') === 'date' ? 'date' : '';
  input.value = state.term;
  sortSelect.value = state.sort;
  for (const { box } of boxes.values()) box.checked = state.filters[box.name]?.includes(box.value) ?? false;
  showSelected();
  if (selectedCount() > 0) filterBox.open = true;
}

const selectedCount = () => Object.values(state.filters).reduce((sum, values) => sum + values.length, 0);
function showSelected(): void {
  const selected = selectedCount();
  filterCount.textContent = selected > 0 ? `(${selected} selected)` : '';
}

/** Months newest first; other values by how many papers have them. */
function orderValues(name: string, counts: Record<string, number>): string[] {
  const byCount = (a: string, b: string) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b);
  const time = (month: string) => Date.parse(`1 ${month}`);
  const values = Object.keys(counts);
  const months = name === 'month' && values.every((month) => !Number.isNaN(time(month)));
  return values.sort(months ? (a, b) => time(b) - time(a) : name === 'code' ? (a, b) => b.localeCompare(a) : byCount);
}

/** Builds the filter groups once, with every value in the index; counts are filled in per search. */
function buildFilters(all: Counts): void {
  filterOrder = GROUPS.filter(([name]) => all[name]).map(([name]) => {
    const values = orderValues(name, all[name]!);
    // A value in the address that the index lacks still shows, checked, so it can be unchecked.
    for (const value of state.filters[name] ?? []) if (!values.includes(value)) values.push(value);
    return [name, values];
  });
  const groups = filterOrder.map(([name, values]) => {
    const fieldset = el('fieldset', `search-filter-group search-filter-${name}`);
    fieldset.appendChild(el('legend', undefined, GROUPS.find(([group]) => group === name)![1]));
    const options = fieldset.appendChild(el('div', 'search-filter-options'));
    lists.set(name, options);
    for (const value of values) {
      const label = options.appendChild(el('label', 'search-filter-option'));
      const box = label.appendChild(el('input'));
      box.type = 'checkbox';
      box.name = name;
      box.value = value;
      box.checked = state.filters[name]?.includes(value) ?? false;
      label.append(el('span', undefined, VALUE_LABELS[`${name}:${value}`] ?? value), ' ');
      const count = label.appendChild(el('span', 'search-filter-count'));
      boxes.set(`${name}\n${value}`, { label, box, count });
    }
    return fieldset;
  });
  filterPane.replaceChildren(...groups);
}

/**
 * Each value's count for the current search; values no result has are hidden
 * unless checked. Topics go in order of their counts, but never while the
 * focus is in the filters: nothing moves under the reader's hand.
 */
function updateCounts(counts: Counts): void {
  if (!filterOrder) return;
  const still = filterPane.contains(document.activeElement);
  for (const [name, values] of filterOrder) {
    // A search made before the filter index was loaded has no counts for it: keep the last ones.
    if (!counts[name]) continue;
    for (const value of values) {
      const { label, box, count } = boxes.get(`${name}\n${value}`)!;
      const n = counts[name][value] ?? 0;
      count.textContent = String(n);
      label.hidden = n === 0 && !box.checked && document.activeElement !== box;
    }
    if (name === 'topic' && !still) {
      const order = orderValues(name, Object.fromEntries(values.map((value) => [value, counts[name]![value] ?? 0])));
      lists.get(name)!.append(...order.map((value) => boxes.get(`${name}\n${value}`)!.label));
    }
  }
}

let filtersLoading: Promise<void> | undefined;
/** The filter index (every filter's values and pages) is fetched the first time the disclosure opens. */
function loadFilters(): Promise<void> {
  filtersLoading ??= (async () => {
    filterPane.textContent = 'Loading filters…';
    const api = await pagefind.catch(() => undefined);
    if (!api) return;
    buildFilters(await api.filters());
    // The same search again, now with the filter index loaded, for counts that match the results.
    const id = seq;
    const response = state.term.trim() ? await api.search(state.term.trim(), options()) : undefined;
    if (response && id === seq) updateCounts(response.filters);
  })();
  return filtersLoading;
}

input.addEventListener('input', () => {
  state.term = input.value;
  void run(true);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  state.term = input.value;
  void run();
});
sortSelect.addEventListener('change', () => {
  state.sort = sortSelect.value;
  void run();
});
filterPane.addEventListener('change', (event) => {
  const box = event.target as HTMLInputElement;
  const values = new Set(state.filters[box.name] ?? []);
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  if (values.size > 0) state.filters[box.name] = [...values];
  else delete state.filters[box.name];
  showSelected();
  void run();
});
filterBox.addEventListener('toggle', () => {
  if (filterBox.open) void loadFilters();
});
more.addEventListener('click', async () => {
  if (more.disabled) return;
  const first = shown;
  more.disabled = true;
  // The first new result takes the focus, so keyboard and screen reader users go on reading from there.
  if (await showMore(seq).catch(() => false)) list.children[first]?.querySelector('a')?.focus();
  more.disabled = false;
});
window.addEventListener('popstate', () => {
  readUrl();
  void run();
});

// "/" jumps to the search box, as on many sites. Only on this page: reading
// pages ship no JavaScript, so there the header's search field is reached with Tab.
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.target instanceof Element && event.target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')) return;
  event.preventDefault();
  input.focus();
  input.select();
});

readUrl();
void run();

// A module, not a script: its names stay its own.
export {};
