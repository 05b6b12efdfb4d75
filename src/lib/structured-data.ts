import type { Digest, Paper } from './site-model.ts';
import { absoluteUrl, arxivAbsUrl, paths } from './urls.ts';
import { digestTitle } from './format.ts';
import { excerpt } from './markdown.ts';

/** A paper page's description (meta, OpenGraph, JSON-LD): its abstract's first 155 characters or so, what a search result shows. */
export const paperDescription = (paper: Paper): string => excerpt(paper.abstractText, 155);

/**
 * schema.org ScholarlyArticle for a paper page, as search engines read it. Lean on
 * purpose, as it is in every paper page's weight: no `url` (the page's canonical
 * link says it), no `keywords` or `about` (the page shows its topics), and the
 * abstract's first lines as `description` rather than the whole `abstract`, which
 * the page already shows (a second copy cost ~1.5 KB of the 12 KB budget).
 */
export function scholarlyArticle(paper: Paper): Record<string, unknown> {
  const { data } = paper;
  const { firstSeen } = paper;
  return {
    '@type': 'ScholarlyArticle',
    name: paper.titleText,
    description: paperDescription(paper),
    ...(data.authors?.length ? { author: data.authors.map((name) => ({ '@type': 'Person', name })) } : {}),
    ...((data.published ?? firstSeen) ? { datePublished: data.published ?? firstSeen } : {}),
    ...(data.arxiv ? { sameAs: arxivAbsUrl(data.arxiv) } : {}),
    ...(paper.codeUrl ? { workExample: { '@type': 'SoftwareSourceCode', codeRepository: paper.codeUrl } } : {}),
  };
}

/** schema.org ItemList for a digest: its papers in published order. */
export function digestItemList(digest: Digest, site: URL | string): Record<string, unknown> {
  return {
    '@type': 'ItemList',
    name: digestTitle(digest.date),
    url: absoluteUrl(paths.digest(digest.date), site),
    numberOfItems: digest.items.length,
    itemListOrder: 'https://schema.org/ItemListOrderAscending',
    itemListElement: digest.items.map(({ paper, rank }) => ({
      '@type': 'ListItem',
      position: rank,
      url: absoluteUrl(paths.paper(paper.slug), site),
      name: paper.titleText,
    })),
  };
}
