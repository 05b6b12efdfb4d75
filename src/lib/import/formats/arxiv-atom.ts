import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { arxivId, httpLink, type PaperFrontMatter } from '#/lib/schemas.ts';
import { normalizeText } from '#/lib/text.ts';
import type { IsoDate } from '#/lib/dates.ts';
import { findCodeLink, plainTextToMarkdown, texTextToMarkdown, unescapeTexText } from '#/lib/import/abstract-markdown.ts';
import { InputError } from '#/lib/import/input-error.ts';
import type { ImportedDigest, ImportedPaper } from '#/lib/import/imported.ts';
import { dayOfDateTime, notADateTime } from './date-time.ts';
import { firstCharacter, type EmptyDay, type InputFormat } from './input-format.ts';

export const arxivAtomFormat: InputFormat = {
  name: 'arXiv Atom',
  extensions: ['.atom', '.xml'],
  recognises: (text) => firstCharacter(text) === '<',
  longLines: true,
  parse: (text, file, { date }) => importArxivAtom(text, file, date),
};

/**
 * An arXiv API export (`export.arxiv.org/api/query?...`): an Atom feed whose
 * entries are papers. Parsed with a real XML parser: entities (`&lt;`, `&amp;`)
 * are decoded, namespaces (`arxiv:`, `opensearch:`) dropped.
 */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Text stays text: a title like "1984" must not become a number.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['entry', 'author', 'link', 'category'].includes(name),
});

type XmlNode = Record<string, unknown>;

/** `http://arxiv.org/abs/2405.12345v2` (or https, or an old-style `hep-th/9901001v1`) → the id without its version. */
const ABS_URL = /^https?:\/\/(?:www\.|export\.)?arxiv\.org\/abs\/(.+?)(v\d+)?$/;

/** Reads an arXiv Atom export; throws `file:line: …` for XML errors and `file: entry N: …` for entries it cannot use. */
export function importArxivAtom(text: string, file: string, date: IsoDate | undefined): ImportedDigest | EmptyDay {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new InputError(file, valid.err.line, `not valid XML: ${valid.err.msg}`);
  const document = parser.parse(text) as XmlNode;
  const feed = document['feed'];
  if (!isNode(feed)) throw new InputError(file, undefined, 'not an Atom feed: the root element is not <feed>');
  const entries = Array.isArray(feed['entry']) ? (feed['entry'] as unknown[]) : [];

  // The API reports a bad query as a feed with one entry whose id is an error URL.
  const first = entries[0];
  if (entries.length === 1 && isNode(first) && /\/api\/errors/.test(textOf(first['id']))) {
    throw new InputError(file, undefined, `the arXiv API answered with an error: ${normalizeText(textOf(first['summary']))}`);
  }

  const parsed = entries.map((entry, index) => readEntry(entry, `entry ${index + 1}`, file));
  // The digest's day: --date when given, else the latest day an entry was first published
  // (an export of "what appeared on day D" holds papers of day D and a few of the days before).
  const latest = parsed.reduce<IsoDate | undefined>(
    (max, entry) => (entry.published && (!max || entry.published > max) ? entry.published : max),
    undefined,
  );
  const digestDate = date ?? latest;
  if (parsed.length === 0) return { file, date: digestDate, empty: true };
  if (!digestDate) throw new InputError(file, undefined, 'no entry has a <published> date: pass --date YYYY-MM-DD');
  return { file, date: digestDate, papers: parsed.map((entry) => entry.paper) };
}

function readEntry(entry: unknown, where: string, file: string): { paper: ImportedPaper; published: IsoDate | undefined } {
  const fail = (problem: string): never => {
    throw new InputError(file, undefined, `${where}: ${problem}`);
  };
  if (!isNode(entry)) return fail('<entry> has no content');

  const idText = textOf(entry['id']);
  if (!idText) fail('<id> is missing');
  const match = ABS_URL.exec(idText);
  const id = match?.[1];
  if (!id || !arxivId.safeParse(id).success) fail(`<id> is not an arXiv abstract URL like http://arxiv.org/abs/2403.12345v1: "${idText}"`);

  const title = normalizeText(unescapeTexText(textOf(entry['title'])));
  if (!title) fail('<title> is missing or empty');

  const publishedText = entry['published'] === undefined ? undefined : textOf(entry['published']);
  const published = publishedText === undefined ? undefined : dayOfDateTime(publishedText);
  if (publishedText !== undefined && !published) fail(`<published> ${notADateTime(publishedText)}`);

  const authors = asArray(entry['author'])
    .map((author) => normalizeText(isNode(author) ? textOf(author['name']) : textOf(author)))
    .filter((name) => name !== '');
  const categories = [
    ...new Set(
      asArray(entry['category'])
        .map((category) => (isNode(category) ? String(category['@term'] ?? '').trim() : ''))
        .filter((term) => term !== ''),
    ),
  ];
  const pdf = asArray(entry['link'])
    .filter(isNode)
    .find((link) => link['@title'] === 'pdf' || link['@type'] === 'application/pdf')?.['@href'];
  const pdfUrl = httpLink(pdf);

  const { markdown, links } = texTextToMarkdown(textOf(entry['summary']));
  // A code link in the abstract, else in the author's comment ("Code: https://github.com/…").
  const comment = normalizeText(textOf(entry['comment']));
  const code = findCodeLink(links) ?? (comment ? findCodeLink(plainTextToMarkdown(comment).links) : undefined);
  const frontMatter: PaperFrontMatter = {
    title,
    arxiv: id!,
    ...(authors.length ? { authors } : {}),
    ...(published ? { published } : {}),
    ...(code || pdfUrl ? { links: { ...(code ? { code } : {}), ...(pdfUrl ? { pdf: pdfUrl } : {}) } } : {}),
    ...(categories.length ? { categories } : {}),
  };
  return { paper: { source: `${file}: ${where}`, frontMatter, abstract: markdown }, published };
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** An element's text: itself when it has no attributes, its `#text` when it has some. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return textOf(value[0]);
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'];
  return '';
}
