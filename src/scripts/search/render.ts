/**
 * A result as the page shows it. Every text reaches the page as text nodes;
 * the only elements made from the index's data are <mark>s.
 */
import { FIELDS, LIST_SEPARATOR } from '#/lib/search-fields.ts';
import { searchWords } from './query.ts';
import type { ResultData } from './engine.ts';

/** Authors shown before "et al.". */
const AUTHORS_SHOWN = 3;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
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
export function excerptNodes(excerpt: string): Node[] {
  const text = (part: string) => part.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  return excerpt.split(/<(\/?)mark>/).flatMap((part, i, parts) => {
    // split() with the capture group gives: text, "" (open) or "/" (close), text, …
    if (i % 2 === 1 || part === '') return [];
    const marked = i > 0 && parts[i - 1] === '';
    return [marked ? el('mark', undefined, text(part)) : document.createTextNode(text(part))];
  });
}

/** A text with the words that match the query (as Pagefind matches: by their start) in <mark>s. */
export function markedNodes(text: string, queryWords: readonly string[]): Node[] {
  if (queryWords.length === 0) return [document.createTextNode(text)];
  return text.split(/(\s+)/).map((token) => {
    const words = searchWords(token.replace(/\p{P}+/gu, ' '));
    const hit = words.some((word) => queryWords.some((query) => word.startsWith(query)));
    return hit ? el('mark', undefined, token) : document.createTextNode(token);
  });
}

/** A result's link; only site paths and http(s) URLs are linked. */
export function safeHref(url: string): string {
  try {
    return ['http:', 'https:'].includes(new URL(url, location.href).protocol) ? url : '#';
  } catch {
    return '#';
  }
}

/** "A, B, C et al." */
export function authorsLine(authors: readonly string[]): string {
  const shown = authors.slice(0, AUTHORS_SHOWN).join(', ');
  return authors.length > AUTHORS_SHOWN ? `${shown} et al.` : shown;
}

export interface ResultView {
  /** "March 14, 2026" from 2026-03-14, in the site's language. */
  formatDate(iso: string): string;
  /** The query's words, to mark in the title and authors. */
  queryWords: readonly string[];
}

const list = (value: string | undefined) => (value ? value.split(LIST_SEPARATOR) : []);

/** Title, date, authors, upvotes, code badge, topics and the excerpt with its highlights. */
export function renderResult(data: ResultData, view: ResultView): HTMLLIElement {
  const meta = data.meta ?? {};
  const item = el('li', 'search-result');
  const link = item.appendChild(el('h2', 'search-result-title')).appendChild(el('a'));
  link.append(...markedNodes(meta[FIELDS.title] || 'Untitled', view.queryWords));
  link.href = safeHref(data.url);

  const byline = el('p', 'search-result-byline');
  const date = meta[FIELDS.date];
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) byline.appendChild(el('time', undefined, view.formatDate(date))).dateTime = date;
  const authors = list(meta[FIELDS.authors]);
  if (authors.length > 0) {
    const names = byline.appendChild(el('span', 'search-result-authors'));
    names.append(...markedNodes(authorsLine(authors), view.queryWords));
  }
  if (byline.firstChild) item.appendChild(byline);

  if (data.excerpt) item.appendChild(el('p', 'search-result-excerpt')).append(...excerptNodes(data.excerpt));

  const facts = el('p', 'search-result-facts');
  const upvotes = Number(meta[FIELDS.upvotes]);
  if (meta[FIELDS.upvotes] && Number.isInteger(upvotes)) {
    facts.appendChild(el('span', 'search-result-upvotes', `${upvotes} ${upvotes === 1 ? 'upvote' : 'upvotes'}`));
  }
  if (data.filters?.code?.includes('yes')) facts.appendChild(el('span', 'search-result-code badge', 'Code'));
  const topics = data.filters?.topic ?? [];
  if (topics.length > 0) facts.appendChild(el('span', 'search-result-topics', topics.join(LIST_SEPARATOR)));
  if (facts.firstChild) item.appendChild(facts);
  return item;
}
