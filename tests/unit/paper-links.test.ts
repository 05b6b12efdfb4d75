import { describe, expect, it } from 'vitest';
import { paperLinks, tldrLabel } from '#/lib/paper-links.ts';
import { paperSource } from '#/lib/content-sources.ts';

describe('paperLinks', () => {
  it('lists arXiv, Hugging Face with its comments, and the code link with its stars', () => {
    const links = paperLinks({
      title: 'T',
      arxiv: '2512.22525',
      upvotes: 5,
      comments: 1,
      githubStars: 12000,
      links: { code: 'https://github.com/a/b', project: 'https://example.org/' },
    });
    expect(links).toEqual([
      { label: 'arXiv abstract', url: 'https://arxiv.org/abs/2512.22525' },
      { label: 'PDF', url: 'https://arxiv.org/pdf/2512.22525' },
      { label: 'Hugging Face', url: 'https://huggingface.co/papers/2512.22525', count: '1 comment' },
      { label: 'Code', url: 'https://github.com/a/b', count: '12,000 stars' },
      { label: 'Project page', url: 'https://example.org/' },
    ]);
  });

  it('links Hugging Face only for papers its API gave, and only with an arXiv id', () => {
    expect(paperLinks({ title: 'T', arxiv: '2403.01234', categories: ['cs.CL'] }).map((link) => link.label)).toEqual(['arXiv abstract', 'PDF']);
    expect(paperLinks({ title: 'T', upvotes: 3 })).toEqual([]);
  });
});

describe('tldrLabel and paperSource', () => {
  it("call the API's TL;DR Hugging Face's AI summary, and tell each source apart", () => {
    expect(tldrLabel({ title: 'T', upvotes: 0, tldr: 'x' })).toBe('AI summary (Hugging Face)');
    expect(tldrLabel({ title: 'T', tldr: 'x' })).toBe('TL;DR');
    expect(paperSource({ title: 'T', comments: 0 })).toBe('huggingFaceApi');
    expect(paperSource({ title: 'T', arxiv: '2403.01234', categories: ['cs.CL'] })).toBe('arxivApi');
    expect(paperSource({ title: 'T' })).toBe('plainText');
  });
});
