/**
 * Upvotes, GitHub stars and comments are the source's counters at a moment, not
 * editorial text: unlike every other field (never overwritten once in a file),
 * an import that sees a higher count records it. Counts only grow, so importing
 * an older response, or the same one again, changes nothing.
 */
export const COUNTERS = ['upvotes', 'githubStars', 'comments'] as const;

export function isCounter(field: string): boolean {
  return (COUNTERS as readonly string[]).includes(field);
}

/** Whether `seen` is a higher count than the file's `recorded` value (a count a person wrote, if not a number, stays). */
export function counterGrew(recorded: unknown, seen: unknown): seen is number {
  return typeof recorded === 'number' && typeof seen === 'number' && seen > recorded;
}
