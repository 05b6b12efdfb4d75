import { z } from 'astro/zod';
import { SLUG_PATTERN } from './slug.ts';
import { parseIsoDate, toIsoDate } from './dates.ts';

/** Links are followed by readers: only http(s), never javascript:, data: or relative. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' });

/** A link a source gives, when it is an absolute http(s) URL (spaces trimmed); anything else is dropped. */
export function httpLink(value: unknown): string | undefined {
  const url = typeof value === 'string' ? value.trim() : undefined;
  return url && httpUrl.safeParse(url).success ? url : undefined;
}

export const slug = z.string().regex(SLUG_PATTERN, 'must be a slug: lowercase a-z, 0-9 and single hyphens');

/** arXiv identifiers, new style (2401.01234v2) and old style (hep-th/9901001). */
export const arxivId = z
  .string()
  .regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/, 'must be an arXiv id like 2403.12345');

/** The paper an arXiv id names, whatever its version: 2403.12345v2 → 2403.12345. */
export const arxivWithoutVersion = (id: string) => id.replace(/v\d+$/, '');

/**
 * YAML turns `2026-03-14` into a Date and a quoted one into a string; both mean
 * the calendar day, kept as YYYY-MM-DD so that no time zone can shift it.
 */
export const calendarDay = z.union([z.date(), z.string()]).transform((value, ctx) => {
  const day = value instanceof Date ? (Number.isNaN(value.getTime()) ? undefined : toIsoDate(value)) : parseIsoDate(value.trim());
  if (!day) {
    ctx.addIssue({ code: 'custom', message: `must be a real date as YYYY-MM-DD, got "${String(value)}"` });
    return z.NEVER;
  }
  return day;
});

/** Front matter of `content/papers/<slug>.md`; the body is the abstract in Markdown. */
export const paperSchema = z.strictObject({
  title: z.string().trim().min(1, 'must not be empty'),
  arxiv: arxivId.optional(),
  authors: z.array(z.string().trim().min(1)).optional(),
  published: calendarDay.optional(),
  links: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'link names are lowercase words'), httpUrl).optional(),
  upvotes: z.number().int().nonnegative().optional(),
  githubStars: z.number().int().nonnegative().optional(),
  /** Comments in the paper's discussion on the source (Hugging Face). */
  comments: z.number().int().nonnegative().optional(),
  /** The source's picture of the paper (its first page), shown on cards and as og:image. */
  thumbnail: httpUrl.optional(),
  /** The organization the source files the paper under, e.g. "ByteDance". */
  organization: z.string().trim().min(1).optional(),
  /** Who put the paper on the source's daily list. */
  submittedBy: z.string().trim().min(1).optional(),
  keywords: z.array(z.string().trim().min(1)).optional(),
  tldr: z.string().trim().min(1).optional(),
  /** Manual topic ids; when present they replace the automatic ones. */
  topics: z.array(slug).min(1).optional(),
  /** arXiv subject categories (cs.CL, …), as the source lists them. */
  categories: z.array(z.string().trim().min(1)).optional(),
});
export type PaperData = z.infer<typeof paperSchema>;
export type PaperFrontMatter = z.input<typeof paperSchema>;
