import { LinkifyIt } from 'linkify-it';
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkMath from 'remark-math';
import type { Paragraph, PhrasingContent, Root } from 'mdast';
import { normalizeText } from '#/lib/text.ts';

// Only explicit http(s) URLs: no schema-less `//host`, mailto: or ftp: links.
const linkify = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false })
  .add('//', null)
  .add('mailto:', null)
  .add('ftp:', null);
// remark-math makes `$` a character the serializer escapes: plain text never turns into math by accident.
const serializer = unified().use(remarkStringify).use(remarkMath);

const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'huggingface.co']);

export interface AbstractMarkdown {
  markdown: string;
  /** Every http(s) link found in the text, in order. */
  links: string[];
}

/**
 * Turns an abstract's plain text into Markdown that renders as exactly that
 * text: every character Markdown would interpret is escaped by remark's own
 * serializer, and http(s) URLs become links.
 */
export function plainTextToMarkdown(text: string): AbstractMarkdown {
  const links: string[] = [];
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: linkedText(text, links) }] };
  return { markdown: serializer.stringify(tree).trimEnd(), links };
}

/**
 * Turns an abstract as arXiv and Hugging Face give it (plain text with TeX
 * math between dollars, hard-wrapped lines) into Markdown: each `$...$` (or
 * `$$...$$`) segment becomes an mdast `inlineMath` node, so it renders as
 * math, and everything else is text that the serializer escapes, with http(s)
 * URLs as links. Blank lines separate paragraphs; other whitespace is collapsed.
 */
export function texTextToMarkdown(text: string): AbstractMarkdown {
  const links: string[] = [];
  const paragraphs: Paragraph[] = [];
  for (const block of text.split(/\n[^\S\n]*\n\s*/)) {
    const normalized = normalizeText(block);
    if (normalized === '') continue;
    const children: PhrasingContent[] = [];
    for (const segment of splitTexMath(normalized)) {
      if (segment.math) children.push({ type: 'inlineMath', value: segment.value });
      else children.push(...linkedText(segment.value, links));
    }
    paragraphs.push({ type: 'paragraph', children });
  }
  if (paragraphs.length === 0) return { markdown: '', links };
  return { markdown: serializer.stringify({ type: 'root', children: paragraphs }).trimEnd(), links };
}

export interface TexSegment {
  /** True for math (the TeX between the dollars), false for text. */
  math: boolean;
  value: string;
}

/** LaTeX escapes of its special characters, which mean the character itself in text. */
const TEX_TEXT_ESCAPES = new Set(['%', '&', '$', '#', '_', '{', '}']);

/** A title as plain text: LaTeX's escapes (`Prefill \& Decode`, `90\%`) become the character. */
export function unescapeTexText(text: string): string {
  return text.replace(/\\([%&$#_{}])/g, '$1');
}

/**
 * Splits text into text and `$...$` math, with Pandoc's rules for telling
 * math from prices: an opening `$` is followed by a non-space, the first
 * unescaped `$` after it closes, and only when it follows a non-space and is
 * not followed by a digit (so "$5 to $10" and "costs $20." stay text). `$$...$$`
 * and `\(...\)` are math too. Outside math, `\%`, `\&`, `\$`, `\#`, `\_`, `\{` and `\}` (LaTeX's
 * escapes) become the character; every other backslash is kept as it is.
 */
export function splitTexMath(text: string): TexSegment[] {
  const segments: TexSegment[] = [];
  let plain = '';
  const flush = () => {
    if (plain) segments.push({ math: false, value: plain });
    plain = '';
  };
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\\' && text[index + 1] === '\\') {
      // `\\` (a TeX line break) is kept, and does not escape what follows it.
      plain += '\\\\';
      index += 2;
      continue;
    }
    if (char === '\\' && text[index + 1] === '(') {
      const close = text.indexOf('\\)', index + 2);
      const value = close < 0 ? '' : text.slice(index + 2, close).trim();
      if (value !== '') {
        flush();
        segments.push({ math: true, value });
        index = close + 2;
        continue;
      }
    }
    if (char === '\\' && index + 1 < text.length && TEX_TEXT_ESCAPES.has(text[index + 1]!)) {
      plain += text[index + 1];
      index += 2;
      continue;
    }
    if (char !== '$') {
      plain += char;
      index++;
      continue;
    }
    const math = text.startsWith('$$', index) ? closeDisplayMath(text, index) : closeInlineMath(text, index);
    if (math) {
      flush();
      segments.push({ math: true, value: math.value });
      index = math.end;
    } else {
      const run = text.startsWith('$$', index) ? '$$' : '$';
      plain += run;
      index += run.length;
    }
  }
  flush();
  return segments;
}

const isSpace = (char: string | undefined) => char === undefined || /\s/u.test(char);

/** The first `$` at or after `from` that no backslash escapes. */
function nextDollar(text: string, from: number): number {
  for (let index = from; index < text.length; index++) {
    if (text[index] === '\\') index++;
    else if (text[index] === '$') return index;
  }
  return -1;
}

function closeInlineMath(text: string, open: number): { value: string; end: number } | undefined {
  if (isSpace(text[open + 1])) return undefined;
  const close = nextDollar(text, open + 1);
  if (close < 0 || isSpace(text[close - 1]) || /[0-9]/.test(text[close + 1] ?? '')) return undefined;
  return { value: text.slice(open + 1, close), end: close + 1 };
}

function closeDisplayMath(text: string, open: number): { value: string; end: number } | undefined {
  const close = text.indexOf('$$', open + 2);
  const value = close < 0 ? '' : text.slice(open + 2, close).trim();
  return value === '' ? undefined : { value, end: close + 2 };
}

/** Text as mdast text and link nodes: each http(s) URL becomes a link (and is added to `links`). */
function linkedText(text: string, links: string[]): PhrasingContent[] {
  const children: PhrasingContent[] = [];
  let last = 0;
  for (const match of linkify.match(text) ?? []) {
    if (match.index > last) children.push({ type: 'text', value: text.slice(last, match.index) });
    children.push({ type: 'link', url: match.url, children: [{ type: 'text', value: match.text }] });
    links.push(match.url);
    last = match.lastIndex;
  }
  if (last < text.length) children.push({ type: 'text', value: text.slice(last) });
  return children;
}

/** The first link to a code host (GitHub, GitLab, Hugging Face), without trailing punctuation. */
export function findCodeLink(links: readonly string[]): string | undefined {
  const code = links.find((link) => CODE_HOSTS.has(new URL(link).hostname.replace(/^www\./, '')));
  return code?.replace(/[.,;:!?)\]}'"]+$/, '');
}
