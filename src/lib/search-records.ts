import type { Paper } from './site-model.ts';
import { paths } from './urls.ts';
import { formatMonth } from './format.ts';

/** One paper as Pagefind indexes it (the shape of Pagefind's `addCustomRecord`). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Topic names contain commas ("Retrieval, RAG & recommendation"), so the list is joined with a middle dot. */
export const TOPIC_SEPARATOR = ' · ';

/**
 * What search knows of a paper, straight from the data layer: the abstract is
 * the searchable text; title and topics are searchable metadata; topics, the
 * months it was in a digest and whether it has code are filters; its newest
 * digest day is the sort key.
 */
export function searchRecord(paper: Paper, language: string): SearchRecord {
  const latest = paper.appearances[0]?.digest.date;
  const months = [...new Set(paper.appearances.map((appearance) => formatMonth(appearance.digest.date)))];
  return {
    // Relative to the site root, as Pagefind expects; the search page adds BASE_PATH through Pagefind's baseUrl.
    url: `/${paths.paper(paper.slug)}`,
    content: paper.abstractText,
    language,
    meta: {
      title: paper.titleText,
      ...(latest ? { date: latest } : {}),
      ...(paper.topics.length > 0 ? { topics: paper.topics.map((topic) => topic.name).join(TOPIC_SEPARATOR) } : {}),
    },
    filters: {
      ...(paper.topics.length > 0 ? { topic: paper.topics.map((topic) => topic.name) } : {}),
      ...(months.length > 0 ? { month: months } : {}),
      code: [paper.codeUrl ? 'yes' : 'no'],
    },
    sort: latest ? { date: latest } : {},
  };
}
