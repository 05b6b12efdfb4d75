import { describe, expect, it } from 'vitest';
import { excerpt, renderAbstract } from '#/lib/markdown.ts';

describe('renderAbstract', () => {
  it('gives the HTML and the text of one abstract', () => {
    const { html, text } = renderAbstract('A $L_2$ loss, \\<SEG> tokens and <https://github.com/a/b>.');
    expect(html).toContain('<msub><mi>L</mi><mn>2</mn></msub>');
    expect(html).toContain('&#x3C;SEG>');
    expect(html).toContain('<a href="https://github.com/a/b">');
    expect(text).toBe('A L_2 loss, <SEG> tokens and https://github.com/a/b.');
  });

  it('keeps a space between paragraphs in the text', () => {
    expect(renderAbstract('The first paragraph ends here.\n\nThe second starts.').text).toBe(
      'The first paragraph ends here. The second starts.',
    );
  });

  it('drops raw HTML and non-http links', () => {
    const { html } = renderAbstract('<script>alert(1)</script> [x](javascript:alert(1))');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('javascript:');
  });
});

describe('excerpt', () => {
  it('cuts at a word boundary and marks the cut', () => {
    expect(excerpt('one two three four five six', 10)).toBe('one two…');
    expect(excerpt('short', 12)).toBe('short');
  });
});
