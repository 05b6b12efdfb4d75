import { describe, expect, it } from 'vitest';
import { enrichPaper, formatPaper, readPaper, readPaperForEdit } from '#/lib/content/paper.ts';

describe('paper codec', () => {
  const text = formatPaper({ title: 'A Paper', published: '2026-03-14', links: { code: 'https://example.org/code' } }, '  An abstract.  ');

  it('the fast read gives plain data (dates as strings) and the trimmed abstract', () => {
    expect(readPaper(text, 'p.md')).toEqual({
      frontMatter: { title: 'A Paper', published: '2026-03-14', links: { code: 'https://example.org/code' } },
      body: 'An abstract.',
    });
  });

  it('the editing read keeps a person\'s comments when a field is added', () => {
    const edited = '---\n# checked by hand\ntitle: A Paper # fixed\n---\n\nAn abstract.\n';
    const result = enrichPaper(readPaperForEdit(edited, 'p.md'), { title: 'Other', upvotes: 5 }, 'Other abstract.');
    expect(result).toBe('---\n# checked by hand\ntitle: A Paper # fixed\nupvotes: 5\n---\n\nAn abstract.\n');
  });

  it('both reads name the file and line of what is wrong', () => {
    const broken = '---\ntitle: A\nauthors: [unclosed\n---\n\nx\n';
    expect(() => readPaper(broken, 'p.md')).toThrow(/^p\.md:\d+: front matter is not valid YAML/);
    expect(() => readPaperForEdit(broken, 'p.md')).toThrow(/^p\.md:\d+: front matter is not valid YAML/);
    expect(() => readPaper('no front matter', 'p.md')).toThrow('p.md:1: no front matter');
  });
});
