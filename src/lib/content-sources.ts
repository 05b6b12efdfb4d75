import type { IsoDate } from './dates.ts';
import type { PaperData } from './schemas.ts';
import type { SiteModel } from './site-model.ts';
import { fromHuggingFace } from './paper-links.ts';

/**
 * Where the site's content came from, told by what each paper file holds: the
 * importer records what its source gives, and only the Hugging Face API gives
 * upvotes or comments, only arXiv's API categories. A paper imported from
 * plain text, or written by hand, has neither.
 */
export type ContentSource = 'huggingFaceApi' | 'arxivApi' | 'plainText';

export function paperSource(data: PaperData): ContentSource {
  if (fromHuggingFace(data)) return 'huggingFaceApi';
  if (data.categories !== undefined) return 'arxivApi';
  return 'plainText';
}

export interface SourceSummary {
  source: ContentSource;
  papers: number;
  /** Digest days listing at least one of these papers. */
  days: number;
  first: IsoDate | undefined;
  last: IsoDate | undefined;
}

/** Each source the site's papers came from, the most papers first; sources with none are left out. */
export function contentSources(model: Pick<SiteModel, 'papers'>): SourceSummary[] {
  const bySource = new Map<ContentSource, { papers: number; days: Set<IsoDate> }>();
  for (const paper of model.papers.values()) {
    const source = paperSource(paper.data);
    const summary = bySource.get(source) ?? { papers: 0, days: new Set<IsoDate>() };
    summary.papers++;
    for (const appearance of paper.appearances) summary.days.add(appearance.digest.date);
    bySource.set(source, summary);
  }
  return [...bySource]
    .map(([source, { papers, days }]) => {
      const sorted = [...days].sort();
      return { source, papers, days: days.size, first: sorted[0], last: sorted.at(-1) };
    })
    .sort((a, b) => b.papers - a.papers || a.source.localeCompare(b.source));
}
