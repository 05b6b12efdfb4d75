import type { PaperFrontMatter } from '#/lib/schemas.ts';
import type { IsoDate } from '#/lib/dates.ts';

/** A paper as a source describes it, before it meets the content already on disk. */
export interface ImportedPaper {
  /** Where it came from, for messages: `file:12` or `file: entry 3`. */
  source: string;
  frontMatter: PaperFrontMatter;
  /** The abstract as Markdown. */
  abstract: string;
  /** Upvotes on this digest's day, when the source says. */
  dayUpvotes?: number;
}

export interface ImportedDigest {
  file: string;
  date: IsoDate;
  papers: ImportedPaper[];
}
