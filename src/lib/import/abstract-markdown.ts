import { LinkifyIt } from 'linkify-it';
import { unified } from 'unified';
import remarkStringify from 'remark-stringify';
import remarkMath from 'remark-math';
import type { Root, PhrasingContent } from 'mdast';

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
  const children: PhrasingContent[] = [];
  const links: string[] = [];
  let last = 0;
  for (const match of linkify.match(text) ?? []) {
    if (match.index > last) children.push({ type: 'text', value: text.slice(last, match.index) });
    children.push({ type: 'link', url: match.url, children: [{ type: 'text', value: match.text }] });
    links.push(match.url);
    last = match.lastIndex;
  }
  if (last < text.length) children.push({ type: 'text', value: text.slice(last) });
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children }] };
  return { markdown: serializer.stringify(tree).trimEnd(), links };
}

/** The first link to a code host (GitHub, GitLab, Hugging Face), without trailing punctuation. */
export function findCodeLink(links: readonly string[]): string | undefined {
  const code = links.find((link) => CODE_HOSTS.has(new URL(link).hostname.replace(/^www\./, '')));
  return code?.replace(/[.,;:!?)\]}'"]+$/, '');
}
