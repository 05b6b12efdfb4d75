/**
 * What a reader types, made into what the index holds. arXiv ids are indexed
 * bare (2607.21051); readers paste them with a version, a prefix or as a link.
 */

/** An arXiv id in any form readers paste: 2607.21051v2, arXiv:2607.21051, an abs/pdf/html link, or its Hugging Face page. */
const ARXIV_FORMS =
  /^(?:arxiv:)?(?:(?:https?:\/\/)?(?:(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf|html)|(?:www\.)?huggingface\.co\/papers)\/)?(\d{4}\.\d{4,5})(?:v\d+)?(?:\.pdf)?\/?(?:[?#]\S*)?$/i;

/** The query as searched: spaces collapsed, each arXiv id in its bare form, a lone "arXiv:" before an id dropped. */
export function normalizeQuery(raw: string): string {
  const words = raw.trim().split(/\s+/).filter(Boolean);
  return words
    .map((word) => ARXIV_FORMS.exec(word)?.[1] ?? word)
    .filter((word, i, all) => !(/^arxiv:?$/i.test(word) && /^\d{4}\.\d{4,5}$/.test(all[i + 1] ?? '')))
    .join(' ');
}

/**
 * A text's words as Pagefind compares them: lower case, accents and the
 * punctuation Pagefind drops from a query removed ("vision-language" is
 * "visionlanguage", 2607.21051 is "260721051").
 */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
}
