import type { Digest, Paper, SiteModel } from './site-model.ts';
import { cacheKey } from './cache-key.ts';
import { thumbnails } from './thumbnails.ts';

/** How a page shows another paper: a link with its title. */
const link = (paper: Paper | undefined) => paper && [paper.slug, paper.data.title];

/** Everything a paper page shows: its own data, days, topics, related papers and neighbours. */
export function paperPageKey(site: SiteModel, paper: Paper): string {
  const { previous, next } = site.neighbours(paper);
  return cacheKey({
    thumbnails: thumbnails.on,
    data: paper.data,
    abstract: paper.abstractHtml,
    topics: paper.topics,
    appearances: paper.appearances.map((appearance) => [appearance.digest.date, appearance.rank, appearance.upvotes]),
    related: site.related(paper).map(link),
    previous: link(previous),
    next: link(next),
  });
}

/** Everything a digest page (and its newsletter) shows: its papers' cards and the days around it. */
export function digestPageKey(digest: Digest): string {
  return cacheKey({
    thumbnails: thumbnails.on,
    date: digest.date,
    items: digest.items.map(({ paper, rank, upvotes }) => [
      rank,
      upvotes,
      paper.slug,
      paper.data.title,
      paper.excerpt,
      paper.abstractText.length,
      paper.codeUrl,
      paper.topics,
      paper.data.thumbnail,
    ]),
    older: digest.older?.date,
    newer: digest.newer?.date,
  });
}
