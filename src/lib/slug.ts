import slugify from '@sindresorhus/slugify';

/** Slugs are path segments: ASCII lowercase letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SLUG_LENGTH = 80;

/**
 * A URL slug from a paper title: transliterated to ASCII, cut at the last word
 * boundary before 80 characters so that URLs stay readable and stable.
 */
export function slugFromTitle(title: string): string {
  // decamelize off: "SmoothQuant" is one name, not "smooth-quant".
  // NFKC first: ligatures (ﬃ) and compatibility forms become the letters they stand for.
  const slug = slugify(title.normalize('NFKC'), { decamelize: false });
  if (slug === '') return 'paper';
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.lastIndexOf('-', MAX_SLUG_LENGTH);
  return cut > MAX_SLUG_LENGTH / 2 ? slug.slice(0, cut) : slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, '');
}

/** The slug itself when free, else the first free `slug-2`, `slug-3`, … */
export function uniqueSlug(slug: string, isTaken: (candidate: string) => boolean): string {
  if (!isTaken(slug)) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}
