import { parseIsoDate } from '../dates.ts';
import { applyPlan, loadContentIndex, planImport, type DigestPlan } from './content-store.ts';
import { importPlainText } from './plaintext.ts';
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
}

/**
 * Reads and validates every input first, then plans every write, then writes:
 * any error on the way leaves content/ exactly as it was.
 */
export async function runImport(options: ImportOptions): Promise<DigestPlan[]> {
  if (options.files.length === 0) throw new InputError('import', undefined, 'no input files given');
  let date: string | undefined;
  if (options.date !== undefined) {
    date = parseIsoDate(options.date);
    if (!date) throw new InputError('--date', undefined, `"${options.date}" is not a real date as YYYY-MM-DD`);
  }
  const today = options.today ?? new Date();
  const digests: ImportedDigest[] = [];
  for (const file of options.files) {
    digests.push(importPlainText(await readInputText(file), file, date, today));
  }
  const index = await loadContentIndex(options.contentDir);
  const plan = planImport(index, digests);
  if (!options.dryRun) await applyPlan(options.contentDir, plan);
  return plan.digests;
}

export function describeDigestPlan(plan: DigestPlan): string {
  const skipped = plan.skipped > 0 ? `, ${plan.skipped} not in it skipped` : '';
  const kept = plan.digestKept ? `; digest already imported, kept as it is${skipped}` : '';
  return `${plan.date}: ${plan.total} papers (${plan.created} new, ${plan.known} already known${kept})`;
}
