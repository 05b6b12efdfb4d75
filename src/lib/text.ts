/** Collapses every run of whitespace (newlines, tabs, NBSP…) to one space, trims, and applies Unicode NFC. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** The key under which two titles count as the same paper: case, accents and punctuation do not matter. */
export function titleKey(title: string): string {
  return normalizeText(title)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
