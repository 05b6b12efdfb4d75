import type { Digest } from './site-model.ts';

export interface ArchiveMonth {
  /** YYYY-MM */
  key: string;
  digests: Digest[];
  paperCount: number;
}

/** Digests (already newest first) grouped by calendar month, keeping their order. */
export function groupByMonth(digests: readonly Digest[]): ArchiveMonth[] {
  const months: ArchiveMonth[] = [];
  for (const digest of digests) {
    const key = digest.date.slice(0, 7);
    let month = months.at(-1);
    if (month?.key !== key) {
      month = { key, digests: [], paperCount: 0 };
      months.push(month);
    }
    month.digests.push(digest);
    month.paperCount += digest.items.length;
  }
  return months;
}
