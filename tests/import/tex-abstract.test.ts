/**
 * Abstracts from arXiv and Hugging Face are text with TeX math: what renders
 * as math, and what stays the text it was.
 */
import { describe, it, expect } from 'vitest';
import { texTextToMarkdown } from '#/lib/import/abstract-markdown.ts';
import { renderAbstract } from '#/lib/markdown.ts';

const render = (text: string) => renderAbstract(texTextToMarkdown(text).markdown).html;
/** What a reader sees of the HTML, math as its TeX source (KaTeX keeps it in an annotation). */
const visibleText = (html: string) =>
  html
    .replace(/<annotation[^>]*>([\s\S]*?)<\/annotation>/g, '⟨$1⟩')
    .replace(/<math[\s\S]*?⟨/g, '⟨')
    .replace(/⟩[\s\S]*?<\/math>/g, '⟩')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x3C;/g, '<')
    .replace(/&#x26;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/&#x22;/g, '"');

describe('TeX in abstracts', () => {
  it('renders $...$ as math and escapes everything around it', () => {
    const html = render('A $3\\times$ speed-up, an $L_2$ loss, *not emphasis*, <b>not bold</b> and [no](link).');
    expect(html.match(/<math/g)).toHaveLength(2);
    expect(visibleText(html)).toBe('A ⟨3\\times⟩ speed-up, an ⟨L_2⟩ loss, *not emphasis*, <b>not bold</b> and [no](link).');
    expect(html).not.toMatch(/<b>|<em>|<a /);
  });

  it('keeps prices as text: "$5 to $10", "$200k", "costs $20."', () => {
    for (const text of [
      'It costs $5 to $10 per run.',
      'A video model trained for only $200k. With this model, the cost falls to $0.005.',
      'Training costs $7,800, and inference $1 per 1,000 calls.',
      'A rental cost of just\n$534,700. We release two versions.',
      'An odd dollar at 4$\nper hour.',
    ]) {
      const html = render(text);
      expect(html, text).not.toContain('<math');
      expect(visibleText(html), text).toBe(text.replace(/\s+/g, ' '));
    }
  });

  it('reads \\(...\\) and $$...$$ as math too', () => {
    const html = render('Time complexity drops from \\( O(n^3) \\) to $$O(n^2)$$.');
    expect(visibleText(html)).toBe('Time complexity drops from ⟨O(n^3)⟩ to ⟨O(n^2)⟩.');
  });

  it('turns LaTeX escapes in the text into their characters: 45\\% → 45%', () => {
    const html = render('A 45\\% gain, R\\&D, a \\$20 budget and snake\\_case; \\textbf{bold} as meant.');
    expect(visibleText(html)).toBe('A 45% gain, R&D, a $20 budget and snake_case; bold as meant.');
    expect(html).toContain('<strong>bold</strong>');
  });

  it('unwraps hard line breaks, keeps blank-line paragraphs, and links URLs', () => {
    const { markdown, links } = texTextToMarkdown('First line\nwrapped.\n\nSecond paragraph: https://github.com/example/repo.');
    const html = renderAbstract(markdown).html;
    expect(html.match(/<p>/g)).toHaveLength(2);
    expect(html).toContain('<a href="https://github.com/example/repo">https://github.com/example/repo</a>.');
    expect(links).toEqual(['https://github.com/example/repo']);
    expect(html).toContain('<p>First line wrapped.</p>');
  });

  it('turns line starts that look like Markdown blocks into text', () => {
    const html = render('A list?\n- no,\n# not a heading\n1. not a list item\n> nor a quote');
    expect(html).toBe('<p>A list? - no, # not a heading 1. not a list item > nor a quote</p>');
  });
});
