import { InputError } from '#/lib/import/input-error.ts';
import { normalizeText, titleKey } from '#/lib/text.ts';
import { isoDateParts, mostRecentPastDate, type IsoDate } from '#/lib/dates.ts';
import { findCodeLink, plainTextToMarkdown } from '#/lib/import/abstract-markdown.ts';
import type { ImportedDigest } from '#/lib/import/imported.ts';
import type { InputFormat } from './input-format.ts';

/** A digest copied from a web page as text: what nothing else recognises. */
export const plainTextFormat: InputFormat = {
  name: 'plain text',
  extensions: ['.txt'],
  recognises: () => true,
  longLines: false,
  parse: (text, file, { date, today }) => importPlainText(text, file, date, today),
};

/** One paper as the digest page lists it: a title line and an abstract line. */
export interface PlainTextEntry {
  title: string;
  abstract: string;
  /** 1-based line of the title, for error messages. */
  line: number;
}

export interface MonthDay {
  month: number;
  day: number;
  line: number;
}

export interface PlainTextDigest {
  /** The date line (`Mar 14`), when the text has one. */
  monthDay: MonthDay | undefined;
  entries: PlainTextEntry[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DATE_LINE =
  /^(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? +(\d{1,2})$/i;

/** Page chrome that the copied page carries above the papers; skipped when there is no date line to start from. */
const PAGE_CHROME = new Set(
  ['new', 'Get trending papers in your email inbox!', 'Subscribe', 'byAK and the research community', 'Daily Papers'].map(
    (line) => line.toLowerCase(),
  ),
);

/** A title is a line, never a paragraph: anything longer is an abstract standing where a title should be. */
const MAX_TITLE_LENGTH = 400;

export function parseDateLine(line: string): { month: number; day: number } | undefined {
  const match = DATE_LINE.exec(line.trim());
  if (!match) return undefined;
  const month = MONTHS.indexOf(match[1]!.slice(0, 3).toLowerCase()) + 1;
  const day = Number(match[2]);
  if (month < 1 || day < 1 || day > 31) return undefined;
  return { month, day };
}

/**
 * Reads a digest copied as text from the daily papers page: page chrome, a date
 * line, then a title paragraph and an abstract paragraph per paper, separated by
 * blank lines. Throws an InputError naming the line for anything it cannot read.
 */
export function parsePlainTextDigest(text: string, file: string): PlainTextDigest {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines.every((line) => line.trim() === '')) throw new InputError(file, 1, 'the file is empty');

  const dateIndex = lines.findIndex((line) => parseDateLine(line) !== undefined);
  let start: number;
  let monthDay: MonthDay | undefined;
  if (dateIndex >= 0) {
    monthDay = { ...parseDateLine(lines[dateIndex]!)!, line: dateIndex + 1 };
    start = dateIndex + 1;
  } else {
    start = lines.findIndex((line) => line.trim() !== '' && !PAGE_CHROME.has(normalizeText(line).toLowerCase()));
    if (start < 0) throw new InputError(file, lines.length, 'no papers found: the file holds only page chrome');
  }

  const paragraphs = collectParagraphs(lines, start);
  if (paragraphs.length === 0) throw new InputError(file, start + 1, 'no papers found after the date line');

  const entries = pairEntries(paragraphs, file);
  if (entries instanceof InputError) {
    // Read one paragraph on, the rest pairs up: the first line stood where the date line goes but is not a date.
    const [first, ...rest] = paragraphs;
    if (!monthDay && first && !first.multiline && !(pairEntries(rest, file) instanceof InputError)) {
      throw new InputError(file, first.line, `"${first.text}" is not a date line: a date line gives the month and day, like "Mar 14"`);
    }
    throw entries;
  }
  refuseDuplicateTitles(entries, file);
  return { monthDay, entries };
}

/** Title, abstract, title, abstract…: the entries, or the error at the first paragraph that does not fit. */
function pairEntries(paragraphs: readonly Paragraph[], file: string): PlainTextEntry[] | InputError {
  const entries: PlainTextEntry[] = [];
  for (let i = 0; i < paragraphs.length; i += 2) {
    const title = paragraphs[i]!;
    const abstract = paragraphs[i + 1];
    if (title.text.length > MAX_TITLE_LENGTH) {
      const previous = entries.at(-1);
      const hint = previous ? ` (the paper "${previous.title}" at line ${previous.line} may be missing its abstract)` : '';
      return new InputError(file, title.line, `expected a title but found a ${title.text.length}-character paragraph${hint}`);
    }
    if (!abstract) return new InputError(file, title.line, `the title "${title.text}" has no abstract`);
    entries.push({ title: title.text, abstract: abstract.text, line: title.line });
  }
  return entries;
}

/** In plain text a title is the paper's identity: two entries with one title would be one paper, and one of them lost. */
function refuseDuplicateTitles(entries: readonly PlainTextEntry[], file: string): void {
  const seen = new Map<string, PlainTextEntry>();
  for (const entry of entries) {
    const first = seen.get(titleKey(entry.title));
    if (!first) {
      seen.set(titleKey(entry.title), entry);
      continue;
    }
    const what =
      first.abstract === entry.abstract
        ? 'with the same abstract: the paper is listed twice; delete one of the two entries'
        : "with a different abstract; in a plain-text digest the title is the paper's identity, so one of the two would be lost: delete the wrong entry, or make the titles differ if these are two papers";
    throw new InputError(file, entry.line, `the title "${entry.title}" is also at line ${first.line}, ${what}`);
  }
}

interface Paragraph {
  text: string;
  line: number;
  /** Whether it spans more than one line. */
  multiline: boolean;
}

/** Joins consecutive non-blank lines; a paragraph starts at its first line. */
function collectParagraphs(lines: readonly string[], start: number): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: { parts: string[]; line: number } | undefined;
  for (let index = start; index <= lines.length; index++) {
    const line = lines[index];
    if (line === undefined || line.trim() === '') {
      if (current) paragraphs.push({ text: normalizeText(current.parts.join(' ')), line: current.line, multiline: current.parts.length > 1 });
      current = undefined;
    } else if (current) {
      current.parts.push(line);
    } else {
      current = { parts: [line], line: index + 1 };
    }
  }
  return paragraphs;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The digest's day: `--date` wins but must agree with the date line; without it,
 * the most recent past day with the date line's month and day.
 */
export function resolvePlainTextDate(
  monthDay: MonthDay | undefined,
  file: string,
  date: IsoDate | undefined,
  today: Date,
): IsoDate {
  if (date) {
    const { month, day } = isoDateParts(date);
    if (monthDay && (monthDay.month !== month || monthDay.day !== day)) {
      const said = `${MONTH_NAMES[monthDay.month - 1]} ${monthDay.day}`;
      throw new InputError(file, monthDay.line, `the date line says ${said} but --date is ${date}`);
    }
    return date;
  }
  if (!monthDay) throw new InputError(file, 1, 'no date line (like "Mar 14") found: pass --date YYYY-MM-DD');
  const resolved = mostRecentPastDate(monthDay.month, monthDay.day, today);
  if (!resolved) throw new InputError(file, monthDay.line, 'the date line names a day that does not exist');
  return resolved;
}

export function importPlainText(text: string, file: string, date: IsoDate | undefined, today: Date): ImportedDigest {
  const parsed = parsePlainTextDigest(text, file);
  return {
    file,
    date: resolvePlainTextDate(parsed.monthDay, file, date, today),
    papers: parsed.entries.map((entry) => {
      const { markdown, links } = plainTextToMarkdown(entry.abstract);
      const code = findCodeLink(links);
      return {
        source: `${file}:${entry.line}`,
        frontMatter: { title: entry.title, ...(code ? { links: { code } } : {}) },
        abstract: markdown,
      };
    }),
  };
}
