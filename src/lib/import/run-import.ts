import { parseIsoDate, type IsoDate } from '#/lib/dates.ts';
import { httpUrl } from '#/lib/schemas.ts';
import { applyPlan, loadContentIndex, planImport, type DigestPlan } from './content-store.ts';
import { importHfDaily } from './formats/hf-daily.ts';
import { DEFAULT_HF_API, fetchHfDaily, type FetchHfOptions } from './formats/hf-fetch.ts';
import { formatByExtension, recogniseFormat } from './formats/index.ts';
import type { EmptyDay, ImportContext } from './formats/input-format.ts';
import { readInputText } from './read-input.ts';
import { InputError } from './input-error.ts';
import type { ImportedDigest } from './imported.ts';

export interface ImportOptions {
  files: readonly string[];
  contentDir: string;
  /** `--date YYYY-MM-DD`: the digest's day, overriding the year guess. */
  date?: string;
  dryRun?: boolean;
  /** The day "now" is, for guessing a digest's year. */
  today?: Date;
  /** `--hf YYYY-MM-DD`: days to fetch from the Hugging Face daily papers API. */
  hfDates?: readonly string[];
  /** `--hf-api URL`; else HF_API_URL; else https://huggingface.co/api. */
  hfApi?: string;
  /** Retry and timeout settings for `--hf` (tests make the waits short). */
  fetch?: Omit<FetchHfOptions, 'apiBase'>;
}

/** A digest's plan, or a day with no papers (`empty`), which writes nothing. */
export type ImportResult = DigestPlan & { empty?: boolean };

/**
 * Reads, fetches and validates every input first, then plans every write,
 * then writes: any error on the way leaves content/ exactly as it was, whatever
 * mix of plain text, JSON, Atom and `--hf` days the inputs are.
 */
export async function runImport(options: ImportOptions): Promise<ImportResult[]> {
  const hfDates = options.hfDates ?? [];
  if (options.files.length === 0 && hfDates.length === 0) throw new InputError('import', undefined, 'no input files given');
  let date: IsoDate | undefined;
  if (options.date !== undefined) {
    date = parseIsoDate(options.date);
    if (!date) throw new InputError('--date', undefined, `"${options.date}" is not a real date as YYYY-MM-DD`);
  }
  const days = hfDates.map((day) => {
    const parsed = parseIsoDate(day);
    if (!parsed) throw new InputError('--hf', undefined, `"${day}" is not a real date as YYYY-MM-DD`);
    return parsed;
  });
  const apiBase = options.hfApi ?? process.env['HF_API_URL'] ?? DEFAULT_HF_API;
  if (days.length > 0 && !httpUrl.safeParse(apiBase).success) {
    throw new InputError('--hf-api', undefined, `"${apiBase}" is not an http(s) URL`);
  }
  const today = options.today ?? new Date();

  const inputs: Array<ImportedDigest | EmptyDay> = [];
  for (const file of options.files) inputs.push(await importFile(file, { date, today }));
  for (const day of days) {
    const { url, text } = await fetchHfDaily(day, { ...options.fetch, apiBase });
    inputs.push(importHfDaily(text, url, { nameDate: day }));
  }

  const digests = inputs.filter((input): input is ImportedDigest => !('empty' in input));
  const index = await loadContentIndex(options.contentDir);
  const plan = planImport(index, digests);
  if (!options.dryRun) await applyPlan(options.contentDir, plan);
  const plans = [...plan.digests];
  return inputs.map((input) =>
    'empty' in input
      ? { date: input.date ?? '', file: input.file, total: 0, created: 0, known: 0, digestKept: false, skipped: 0, empty: true }
      : plans.shift()!,
  );
}

/** One input file, in whichever format its extension names, else the one its content looks like. */
async function importFile(file: string, context: ImportContext): Promise<ImportedDigest | EmptyDay> {
  const byExtension = formatByExtension(file);
  if (byExtension) return byExtension.parse(await readInputText(file, lineLimit(byExtension)), file, context);
  const text = await readInputText(file, { maxLineBytes: Infinity });
  const format = recogniseFormat(text);
  // A format with the line-length limit is read again with it.
  return format.parse(format.longLines ? text : await readInputText(file), file, context);
}

const lineLimit = (format: { longLines: boolean }) => (format.longLines ? { maxLineBytes: Infinity } : {});

export function describeDigestPlan(plan: ImportResult): string {
  if (plan.empty) return `${plan.date || plan.file}: no papers that day, nothing to import`;
  const skipped = plan.skipped > 0 ? `, ${plan.skipped} not in it skipped` : '';
  const kept = plan.digestKept ? `; digest already imported, kept as it is${skipped}` : '';
  return `${plan.date}: ${plan.total} papers (${plan.created} new, ${plan.known} already known${kept})`;
}
