/**
 * The search page's interface, on Pagefind's JS API (<base>pagefind/pagefind.js,
 * loaded with a dynamic import on this page only). It keeps the search in the
 * address (url-state.ts), shows results five at a time (each result's data is
 * fetched only when it is shown), and loads the filter index only when the
 * Filters disclosure is opened: a plain query fetches no filter data at all.
 */
import { find, PAGEFIND_OPTIONS, type Pagefind, type PagefindResult } from './engine.ts';
import { mergeArchives, shardOptions } from './shards.ts';
import { sortPlaces } from './sorts.ts';
import type { SortName } from '#/lib/search-fields.ts';
import { HOT_SHARD } from '#/lib/search-shards.ts';
import type { FilterPane } from './filters.ts';
import { normalizeQuery, searchWords } from './query.ts';
import { renderResult, type ResultView } from './render.ts';
import { GROUP_NAMES, readState, selectedCount, writeState, type SearchState } from './url-state.ts';

/**
 * Results shown at a time, as Pagefind's own UI does: a phone's first screen holds three
 * of them, a desktop's four, and each result shown fetches its data (a fragment).
 */
const PAGE = 5;

/**
 * Lets the browser paint and handle input between steps: loading Pagefind, searching and
 * showing results would otherwise chain into one long task (on a mid-range phone, 300 ms
 * in which a tap waits).
 */
const yieldToMain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const root = document.querySelector<HTMLElement>('[data-search]')!;
/** The index's archive shards (src/lib/search-shards.ts), merged into the hot one in this order. */
const archives = (root.dataset.archives ?? '').split(' ').filter(Boolean);
const shards = [HOT_SHARD, ...archives];
const sortOrder = (sort: SortName) => sortPlaces(root.dataset.bundle!, shards, sort);
/** The same options for every shard, so that they rank alike. */
const options = {
  ...PAGEFIND_OPTIONS,
  // Record URLs are site paths (/papers/x/); Pagefind puts BASE_PATH in front of them.
  baseUrl: root.dataset.base,
  // The same tag as the page's <link rel="preload"> of pagefind-entry.json (by default Pagefind adds a new one per visit).
  metaCacheTag: root.dataset.build,
};
// Pagefind first: its script, index metadata and WebAssembly load while the rest of the page sets up.
const pagefind: Promise<Pagefind> = import(/* @vite-ignore */ `${root.dataset.bundle}pagefind.js`).then(async (module: Pagefind) => {
  // No web worker: one script less to fetch (43 KB), and a search takes milliseconds on the main thread.
  // An option of the loaded bundle alone: mergeIndex warns of it as unknown.
  await module.options({ ...options, ...(archives.length > 0 ? shardOptions(HOT_SHARD) : {}), noWorker: true });
  await yieldToMain();
  await module.init();
  await mergeArchives(module, root.dataset.bundle!, archives, options);
  // Pagefind splits the query with Intl.Segmenter, whose first use loads 10–40 ms of locale
  // data: done in idle time while the index downloads, if the network leaves any (localhost doesn't).
  if ('requestIdleCallback' in window && 'Segmenter' in Intl) {
    requestIdleCallback(() => new Intl.Segmenter(document.documentElement.lang || undefined, { granularity: 'grapheme' }));
  }
  return module;
});
// Failures show in the summary when a search awaits this.
pagefind.catch(() => {});

// The controls work from here on (search.css shows them).
root.dataset.live = '';
const $ = <T extends Element>(name: string) => root.querySelector<T>(`[data-search-${name}]`)!;
const form = $<HTMLFormElement>('form');
const input = $<HTMLInputElement>('input');
const filterBox = $<HTMLDetailsElement>('filters');
const filterCount = $<HTMLElement>('filter-count');
const sortSelect = $<HTMLSelectElement>('sort');
const summary = $<HTMLElement>('summary');
const list = $<HTMLOListElement>('results');
const empty = $<HTMLElement>('empty');
const emptyTerm = $<HTMLElement>('empty-term');
const emptyFiltered = $<HTMLElement>('empty-filtered');
const more = $<HTMLButtonElement>('more');
/** The Filters pane, once the disclosure has been opened (loadFilters). */
let filters: FilterPane | undefined;

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
let state: SearchState = { term: '', filters: {}, sort: '' };
let current: { results: PagefindResult[]; view: ResultView } | undefined;
let shown = 0;
let seq = 0;

/**
 * Shows the next results of the current search, each as soon as it and the
 * ones before it have loaded; false when a newer search took over.
 */
async function showMore(id: number): Promise<boolean> {
  const { results, view } = current!;
  const page = results.slice(shown, shown + PAGE).map((result) => result.data());
  for (const data of page) {
    const ready = await data;
    await yieldToMain();
    const item = renderResult(ready, view);
    if (id !== seq) return false;
    list.append(item);
    shown++;
  }
  more.hidden = shown >= results.length;
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
  const tries = [0, 10, 20, 30, 40].map((ms) => wait(ms).then(() => api.preload(term)));
  for (const attempt of tries) attempt.catch(() => {});
  return Promise.race(tries);
}

function clear(): void {
  current = undefined;
  shown = 0;
  list.replaceChildren();
  more.hidden = true;
  empty.hidden = true;
}

async function run(debounce = false): Promise<void> {
  const id = ++seq;
  const typed = state.term.trim();
  const term = normalizeQuery(typed);
  writeUrl();
  if (!term) {
    clear();
    summary.textContent = '';
    return;
  }
  try {
    const api = await pagefind;
    if (!indexReady) await (indexReady = whenReady(api, term));
    await yieldToMain();
    const found = await find(api, term, state, debounce, shards, sortOrder);
    if (!found || id !== seq) return;
    await yieldToMain();
    clear();
    current = { results: found.results, view: { formatDate, queryWords: searchWords(term) } };
    if (!(await showMore(id))) return;
    const count = found.results.length;
    summary.textContent = count === 0 ? `No papers match ${typed}` : `${count} ${count === 1 ? 'result' : 'results'} for ${typed}`;
    emptyTerm.textContent = typed;
    emptyFiltered.hidden = selectedCount(state) === 0;
    empty.hidden = count > 0;
    filters?.updateCounts(found.filters);
  } catch {
    if (id === seq) summary.textContent = failed;
  }
}

/** The address says what is searched; replaced, not pushed: one history entry per visit, not one per keystroke. */
function writeUrl(): void {
  const query = writeState(state, GROUP_NAMES);
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
}

function showSelected(): void {
  const selected = selectedCount(state);
  filterCount.textContent = selected > 0 ? `(${selected} selected)` : '';
}

function readUrl(): void {
  state = readState(location.search, GROUP_NAMES);
  input.value = state.term;
  sortSelect.value = state.sort;
  filters?.check(state);
  // Filters from a shared link stay closed, so the results come first (on a phone the open
  // pane filled the first screen): "Filters (2 selected)" says that they narrow the results.
  showSelected();
}

let filtersLoading: Promise<void> | undefined;
/** The filter index (every filter's values and pages) and the pane's code are fetched the first time the disclosure opens. */
function loadFilters(): Promise<void> {
  filtersLoading ??= (async () => {
    const pane = $<HTMLElement>('filter-pane');
    pane.textContent = 'Loading filters…';
    const api = await pagefind.catch(() => undefined);
    if (!api) return;
    const { FilterPane } = await import('./filters.ts');
    filters = new FilterPane(pane);
    filters.build(await api.filters(), state);
    // The same search again, now with the filter index loaded, for counts that match the results.
    const id = seq;
    const term = normalizeQuery(state.term);
    const found = term ? await find(api, term, state, false, shards, sortOrder) : undefined;
    if (found && id === seq) filters.updateCounts(found.filters);
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
  state.sort = readState(`sort=${sortSelect.value}`, []).sort;
  void run();
});
$<HTMLElement>('filter-pane').addEventListener('change', (event) => {
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
