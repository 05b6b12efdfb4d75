import { basename } from 'node:path';
import { z } from 'astro/zod';
import { arxivId, arxivWithoutVersion, httpLink, type PaperFrontMatter } from '#/lib/schemas.ts';
import { normalizeText } from '#/lib/text.ts';
import { parseIsoDate, type IsoDate } from '#/lib/dates.ts';
import { findCodeLink, texTextToMarkdown, unescapeTexText } from '#/lib/import/abstract-markdown.ts';
import { InputError } from '#/lib/import/input-error.ts';
import { parseJsonInput } from '#/lib/import/json-input.ts';
import type { ImportedDigest, ImportedPaper } from '#/lib/import/imported.ts';
import { dayOfDateTime, notADateTime } from './date-time.ts';
import { firstCharacter, type EmptyDay, type InputFormat } from './input-format.ts';

export const hfDailyFormat: InputFormat = {
  name: 'Hugging Face daily papers JSON',
  extensions: ['.json'],
  recognises: (text) => ['[', '{'].includes(firstCharacter(text) ?? ''),
  longLines: true,
  parse: (text, file, { date }) => importHfDaily(text, file, { date }),
};

/**
 * The Hugging Face daily papers API (`/api/daily_papers?date=YYYY-MM-DD`)
 * answers with a JSON array of entries `{paper: {...}, ...}`. Only the fields
 * the site uses are validated; every other field is ignored, so the API can
 * grow without breaking the import.
 */

/** `2024-05-27T09:12:00.000Z` (or a bare `2024-05-27`) → its calendar day. */
const day = z.string().transform((value, ctx) => {
  const iso = dayOfDateTime(value);
  if (!iso) {
    ctx.addIssue({ code: 'custom', message: notADateTime(value) });
    return z.NEVER;
  }
  return iso;
});

const title = z
  .string()
  .transform((value) => normalizeText(unescapeTexText(value)))
  .refine((value) => value !== '', 'must not be empty');

const hfAuthor = z.object({ name: z.string(), hidden: z.boolean().nullish() });

/** An organization or a user: the display name (`fullname`) when given, else the handle. */
const hfAccount = z.object({ name: z.string().nullish(), user: z.string().nullish(), fullname: z.string().nullish() });
type HfAccount = z.infer<typeof hfAccount>;

export const hfPaperSchema = z.object({
  /** The arXiv id, without a version. */
  id: arxivId,
  title,
  /** The abstract: plain text with TeX math, hard-wrapped. */
  summary: z.string(),
  authors: z.array(hfAuthor).nullish(),
  publishedAt: day.nullish(),
  /** When the paper was put on the daily list; missing on entries before mid-2024. */
  submittedOnDailyAt: day.nullish(),
  upvotes: z.number().int().nonnegative().nullish(),
  githubRepo: z.string().nullish(),
  githubStars: z.number().int().nonnegative().nullish(),
  projectPage: z.string().nullish(),
  ai_summary: z.string().nullish(),
  ai_keywords: z.array(z.string()).nullish(),
  organization: hfAccount.nullish(),
  submittedOnDailyBy: hfAccount.nullish(),
});
export type HfPaper = z.infer<typeof hfPaperSchema>;

/** What the entry around the paper adds: the picture, the discussion, who submitted it and for whom. */
export const hfEntrySchema = z.object({
  paper: hfPaperSchema,
  thumbnail: z.string().nullish(),
  numComments: z.number().int().nonnegative().nullish(),
  organization: hfAccount.nullish(),
  submittedBy: hfAccount.nullish(),
});
export type HfEntry = z.infer<typeof hfEntrySchema>;

export interface HfImportOptions {
  /** `--date`: used when neither the entries nor the file name give the day, and checked against them otherwise. */
  date?: IsoDate | undefined;
  /** The day the response is for, when the caller knows it (the `--hf` date); else taken from the file name. */
  nameDate?: IsoDate | undefined;
}

/** Reads a daily papers API response; throws `file: entry N: what is wrong` for the first entry that is not one. */
export function importHfDaily(text: string, file: string, options: HfImportOptions = {}): ImportedDigest | EmptyDay {
  const data = parseJsonInput(text, file);
  if (!Array.isArray(data)) {
    throw new InputError(
      file,
      undefined,
      `expected a JSON array of papers (a Hugging Face daily_papers response), found ${describeValue(data)}`,
    );
  }
  const entries: HfEntry[] = data.map((entry, index) => {
    const result = hfEntrySchema.safeParse(entry, { reportInput: true });
    if (!result.success) {
      const problems = result.error.issues.slice(0, 3).map(describeIssue).join('; ');
      throw new InputError(file, undefined, `entry ${index + 1}: ${problems}`);
    }
    return result.data;
  });
  const papers = entries.map((entry) => entry.paper);
  const nameDate = options.nameDate ?? dateInFileName(file);
  const date = resolveHfDate(papers, file, nameDate, options.date);
  if (papers.length === 0 || date === undefined) return { file, date, empty: true };
  return {
    file,
    date,
    papers: entries.map((entry, index) => toImportedPaper(entry, `${file}: entry ${index + 1}`)),
  };
}

/** `2025-03-14.json`, `hf-2025-03-14.json` → 2025-03-14. */
export function dateInFileName(file: string): IsoDate | undefined {
  const match = /(\d{4}-\d{2}-\d{2})/.exec(basename(file));
  return match ? parseIsoDate(match[1]!) : undefined;
}

/**
 * The digest's day. The entries say which day they were put on the daily list
 * (`submittedOnDailyAt`); a response holds one day, but should its entries
 * disagree (a paper resubmitted, a clock at midnight), the day most of them
 * name is the digest's day (on a tie, the latest): that is the day the list
 * showed them together, and the odd one out still belongs to this response.
 * Entries from before mid-2024 carry no such field: then the file name's
 * YYYY-MM-DD (or the `--hf` date), and only then `--date`. A `--date` that
 * contradicts what the file says is an error rather than a silent choice.
 */
export function resolveHfDate(
  papers: readonly HfPaper[],
  file: string,
  nameDate: IsoDate | undefined,
  date: IsoDate | undefined,
): IsoDate | undefined {
  const counts = new Map<IsoDate, number>();
  for (const paper of papers) {
    if (paper.submittedOnDailyAt) counts.set(paper.submittedOnDailyAt, (counts.get(paper.submittedOnDailyAt) ?? 0) + 1);
  }
  let submitted: IsoDate | undefined;
  for (const [day, count] of counts) {
    const best = submitted === undefined ? 0 : counts.get(submitted)!;
    if (count > best || (count === best && day > submitted!)) submitted = day;
  }
  const own = submitted ?? nameDate;
  if (date && own && date !== own) {
    const says = submitted ? `the papers were on the daily list of ${submitted}` : `the file name says ${nameDate}`;
    throw new InputError(file, undefined, `${says} but --date is ${date}`);
  }
  const resolved = own ?? date;
  if (!resolved && papers.length > 0) {
    throw new InputError(
      file,
      undefined,
      'no date: the entries have no submittedOnDailyAt and the file name no YYYY-MM-DD: pass --date YYYY-MM-DD',
    );
  }
  return resolved;
}

function toImportedPaper(entry: HfEntry, source: string): ImportedPaper {
  const { paper } = entry;
  const { markdown, links } = texTextToMarkdown(paper.summary);
  const authors = (paper.authors ?? [])
    .filter((author) => author.hidden !== true)
    .map((author) => normalizeText(author.name))
    .filter((name) => name !== '');
  const code = httpLink(paper.githubRepo) ?? findCodeLink(links);
  const project = httpLink(paper.projectPage);
  const keywords = [...new Set((paper.ai_keywords ?? []).map(normalizeText).filter((keyword) => keyword !== ''))];
  const tldr = paper.ai_summary ? normalizeText(paper.ai_summary) : '';
  const thumbnail = httpLink(entry.thumbnail);
  const organization = accountName(entry.organization ?? paper.organization);
  const submittedBy = accountName(entry.submittedBy ?? paper.submittedOnDailyBy);
  const frontMatter: PaperFrontMatter = {
    title: paper.title,
    arxiv: arxivWithoutVersion(paper.id),
    ...(authors.length ? { authors } : {}),
    ...(paper.publishedAt ? { published: paper.publishedAt } : {}),
    ...(code || project ? { links: { ...(code ? { code } : {}), ...(project ? { project } : {}) } } : {}),
    ...(paper.upvotes != null ? { upvotes: paper.upvotes } : {}),
    ...(paper.githubStars != null ? { githubStars: paper.githubStars } : {}),
    ...(entry.numComments != null ? { comments: entry.numComments } : {}),
    ...(thumbnail ? { thumbnail } : {}),
    ...(organization ? { organization } : {}),
    ...(submittedBy ? { submittedBy } : {}),
    ...(keywords.length ? { keywords } : {}),
    ...(tldr ? { tldr } : {}),
  };
  return {
    source,
    frontMatter,
    abstract: markdown,
    ...(paper.upvotes != null ? { dayUpvotes: paper.upvotes } : {}),
  };
}

function accountName(account: HfAccount | null | undefined): string | undefined {
  const name = normalizeText(account?.fullname ?? account?.name ?? account?.user ?? '');
  return name === '' ? undefined : name;
}

/** A zod issue as `paper.title is missing`, `paper.authors[0] must be an object, not a string`. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
  const subject = path === '' ? 'the entry' : path;
  const input = 'input' in issue ? issue.input : undefined;
  if (issue.code === 'invalid_type') {
    if (input === undefined) return `${subject} is missing`;
    return `${subject} must be ${withArticle(issue.expected)}, not ${describeValue(input)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return `${subject} must be at least ${String(issue.minimum)}, not ${describeValue(input)}`;
  }
  if (issue.code === 'invalid_format') return `${subject} ${issue.message}, not ${describeValue(input)}`;
  return `${subject} ${issue.message}`;
}

function withArticle(type: string): string {
  const name = type === 'int' ? 'integer' : type;
  return /^[aeiou]/.test(name) ? `an ${name}` : `a ${name}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `a string (${JSON.stringify(shown)})`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `${withArticle(typeof value)} (${String(value)})`;
  return withArticle(typeof value);
}
