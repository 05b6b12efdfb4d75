import type { IsoDate } from '#/lib/dates.ts';
import type { ImportedDigest } from '#/lib/import/imported.ts';

/** What the command line tells every format: `--date`, and the day "now" is (for guessing a year). */
export interface ImportContext {
  date: IsoDate | undefined;
  today: Date;
}

/** An input (a file, a response) that lists no papers: nothing to import. */
export interface EmptyDay {
  file: string;
  /** The day it is for, when anything says. */
  date: IsoDate | undefined;
  empty: true;
}

/**
 * One input format of the importer. Adding a source is one file that exports one of these (and is listed in
 * `index.ts`), plus its tests: the importer reads, dispatches and writes the same way for every format.
 */
export interface InputFormat {
  name: string;
  /** File extensions, lower case with the dot, that mean this format whatever the content. */
  extensions: readonly string[];
  /** Whether a file without a known extension is in this format, from its text. */
  recognises(text: string): boolean;
  /** API responses are often one long line: such formats are read without the line-length limit. */
  longLines: boolean;
  /** The digest the text describes, normalised; throws an InputError naming the file and line or entry. */
  parse(text: string, file: string, context: ImportContext): ImportedDigest | EmptyDay;
}

/** The first non-blank character of a text (after a byte order mark): what JSON and XML start with. */
export const firstCharacter = (text: string): string | undefined => /\S/.exec(text.replace(/^\uFEFF/, ''))?.[0];
