import { describe, it, expect } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Root } from 'mdast';
import { plainTextToMarkdown } from '#/lib/import/abstract-markdown.ts';
import { runImport } from '#/lib/import/run-import.ts';
import { slugFromTitle } from '#/lib/slug.ts';
import { SEED_PAPERS, TODAY, readPaper, renderDigest, seedDigest, splitPaper, tempDir, writeInput } from './helpers.ts';

/** The site renders abstracts with remark-parse + remark-math: parse them the same way. */
const parser = unified().use(remarkParse).use(remarkMath);

function parseMarkdown(markdown: string): Root {
  return parser.parse(markdown);
}

function allNodes(node: Nodes): Nodes[] {
  return [node, ...('children' in node ? node.children.flatMap((child) => allNodes(child)) : [])];
}

/**
 * Parses Markdown back and checks it reads as exactly `text`: one paragraph of
 * text nodes, plus link nodes for exactly the URLs in `urls`, nothing else.
 */
function expectRendersAs(markdown: string, text: string, urls: readonly string[] = []): void {
  const tree = parseMarkdown(markdown);
  expect(toString(tree)).toBe(text);
  const nodes = allNodes(tree);
  expect(tree.children.map((child) => child.type)).toEqual(['paragraph']);
  const unexpected = nodes.filter((node) => !['root', 'paragraph', 'text', 'link'].includes(node.type));
  expect(unexpected, `unexpected nodes in ${JSON.stringify(markdown)}`).toEqual([]);
  const links = nodes.filter((node) => node.type === 'link');
  expect(links.map((link) => link.url)).toEqual(urls);
  for (const link of links) expect(toString(link)).toBe(link.url); // the link shows its own URL
}

/** Plain texts that Markdown (with math) would otherwise interpret. */
const TRICKY: ReadonlyArray<[string, string]> = [
  ['an angle-bracket token', 'Models rely on <SEG> tokens and <image> placeholders.'],
  ['html', 'A <div class="x">block</div> and <!-- a comment --> and <br/> inline.'],
  ['asterisks', 'We compute a * b * c, *not emphasis*, **not strong** and ***neither***.'],
  ['underscores', 'Variables like snake_case_name, _not emphasis_ and __not strong__.'],
  ['a link', 'See [x](y), [text](https://example.com) and ![img](pic.png) and [ref][1].'],
  ['dollars', 'It costs $5 and $10, so $x$ and $$y$$ are not math, nor is \\$z\\$.'],
  ['a heading', '# Not a heading'],
  ['a heading without space', '#1 and #hashtag'],
  ['an ordered list', '1. First, not a list item'],
  ['a year', '1986. A year, not a list.'],
  ['a parenthesized list', '1) not a list either'],
  ['bullets', '- not a list'],
  ['a plus bullet', '+ not a list'],
  ['a star bullet', '* not a list'],
  ['a blockquote', '> not a quote'],
  ['a thematic break', '---'],
  ['entities', 'AT&amp;T, &copy; 2024, &#123; and &#x41; stay as typed; so does a lone &.'],
  ['backticks', 'Use `code` and ``double`` and ``` fences ``` literally.'],
  ['backslashes', 'A path C:\\Users\\x and a trailing backslash \\'],
  ['tildes', '~~not struck~~ and ~~~ no fence'],
  ['setext underline', 'Not a title === and not --- a rule'],
  ['a footnote and a definition', 'A [^1] footnote and [a]: /url "definition".'],
  ['pipes', '| a | b | is not a table'],
  ['math-like', 'Loss $\\mathcal{L} = \\sum_i x_i^2$ and \\(x\\) and \\[y\\].'],
];

describe('plainTextToMarkdown: abstracts render as the same text', () => {
  for (const [name, text] of TRICKY) {
    it(`round-trips ${name}: ${JSON.stringify(text)}`, () => {
      const { markdown, links } = plainTextToMarkdown(text);
      expect(links).toEqual(text.includes('https://example.com') ? ['https://example.com'] : []);
      expectRendersAs(markdown, text, links);
    });
  }

  it('round-trips all of them at once, in one paragraph', () => {
    const text = TRICKY.map(([, sample]) => sample).join(' ');
    const { markdown, links } = plainTextToMarkdown(text);
    expectRendersAs(markdown, text, links);
  });
});

describe('URLs in abstracts', () => {
  it('turns http(s) URLs into links, leaving sentence punctuation outside', () => {
    const text = 'Code: https://github.com/andy-yang-1/DoubleSparse. Data (see http://pretrain.nlpedia.ai/), done.';
    const { markdown, links } = plainTextToMarkdown(text);
    expect(links).toEqual(['https://github.com/andy-yang-1/DoubleSparse', 'http://pretrain.nlpedia.ai/']);
    expectRendersAs(markdown, text, links);
  });

  it('keeps Markdown characters inside a URL as part of the link', () => {
    const url = 'https://github.com/a_b/c*d_e_/$x$/`y`/(z)';
    const text = `Repo ${url} here.`;
    const { markdown, links } = plainTextToMarkdown(text);
    expect(links).toEqual([url]);
    expectRendersAs(markdown, text, links);
  });

  it('does not link javascript:, schema-less //host, mailto:, ftp:, bare domains or bare emails', () => {
    const text =
      'Try javascript:alert(1) or [x](javascript:alert(1)) or //evil.example.com/x or mailto:a@example.com or ftp://files.example.com or www.example.com or github.com/a/b or authors@example.com or 192.168.0.1.';
    const { markdown, links } = plainTextToMarkdown(text);
    expect(links).toEqual([]);
    expectRendersAs(markdown, text, []);
  });
});

describe('abstracts as the importer writes them', () => {
  it('every seed paper file’s body renders as its abstract', async () => {
    const contentDir = await tempDir();
    const input = await writeInput('seed.txt', seedDigest().text);
    await runImport({ files: [input], contentDir, today: TODAY });
    const slugs = SEED_PAPERS.map((paper) => slugFromTitle(paper.title));
    const bodies = await Promise.all(slugs.map(async (slug) => splitPaper(await readPaper(contentDir, slug)).body));
    bodies.forEach((body, index) => {
      const tree = parseMarkdown(body);
      expect(toString(tree)).toBe(SEED_PAPERS[index]!.abstract);
      const types = new Set(allNodes(tree).map((node) => node.type));
      expect([...types].filter((type) => !['root', 'paragraph', 'text', 'link'].includes(type))).toEqual([]);
    });
    // The <SEG> paper's body escapes the tag rather than dropping it as HTML.
    const seg = bodies[SEED_PAPERS.findIndex((paper) => paper.title.includes('<SEG>'))]!;
    expect(seg).toContain('\\<SEG>');
  });

  it('tricky abstracts survive the whole import: written, read back, rendered as typed', async () => {
    const contentDir = await tempDir();
    const papers = TRICKY.map(([name, abstract]) => ({ title: `Paper about ${name}`, abstract }));
    const input = await writeInput('tricky.txt', renderDigest({ papers, dateLine: 'Mar 14' }).text);
    await runImport({ files: [input], contentDir, today: TODAY });
    for (const paper of papers) {
      const { frontMatter, body } = splitPaper(await readPaper(contentDir, slugFromTitle(paper.title)));
      expect(frontMatter.title).toBe(paper.title);
      expect(body.endsWith('\n')).toBe(true);
      const links = paper.abstract.includes('https://example.com') ? ['https://example.com'] : [];
      expectRendersAs(body, paper.abstract, links);
    }
  });
});
