import { describe, expect, it } from 'vitest';
import { normalizeQuery, searchWords } from '#/scripts/search/query.ts';
import { readState, writeState } from '#/scripts/search/url-state.ts';

describe('normalizeQuery', () => {
  it('makes every form of an arXiv id the bare id the index holds', () => {
    for (const form of [
      '2607.21051',
      '2607.21051v2',
      'arXiv:2607.21051',
      'arxiv:2607.21051v12',
      'arXiv: 2607.21051',
      'https://arxiv.org/abs/2607.21051',
      'http://www.arxiv.org/abs/2607.21051v2',
      'arxiv.org/abs/2607.21051v2',
      'https://arxiv.org/pdf/2607.21051v2',
      'https://arxiv.org/pdf/2607.21051.pdf',
      'https://arxiv.org/html/2607.21051v1',
      'https://huggingface.co/papers/2607.21051',
      '  2607.21051v2  ',
    ]) {
      expect(normalizeQuery(form), form).toBe('2607.21051');
    }
  });

  it('keeps other words as typed, spaces collapsed, and ids among them bare', () => {
    expect(normalizeQuery('  Kaiming   He ')).toBe('Kaiming He');
    expect(normalizeQuery('arXiv:2607.21051v3 diffusion')).toBe('2607.21051 diffusion');
    expect(normalizeQuery('arxiv diffusion')).toBe('arxiv diffusion');
    expect(normalizeQuery('https://example.org/abs/2607.21051')).toBe('https://example.org/abs/2607.21051');
  });
});

describe('searchWords', () => {
  it('compares words as Pagefind does: lower case, no accents, no joining punctuation', () => {
    expect(searchWords('Germán Díaz-Agreda, 2607.21051 (Vision-Language)')).toEqual(['german', 'diazagreda', '260721051', 'visionlanguage']);
  });
});

describe('the search in the address', () => {
  const groups = ['topic', 'month', 'code'];

  it('reads and writes query, filters and sort, ignoring unknown sorts and empty values', () => {
    const state = readState('?q=diffusion&code=yes&topic=Agents&topic=Robotics&month=&sort=upvotes', groups);
    expect(state).toEqual({ term: 'diffusion', filters: { code: ['yes'], topic: ['Agents', 'Robotics'] }, sort: 'upvotes' });
    expect(writeState(state, groups)).toBe('q=diffusion&topic=Agents&topic=Robotics&code=yes&sort=upvotes');
    expect(readState('?q=x&sort=random', groups).sort).toBe('');
    expect(writeState({ term: '  ', filters: {}, sort: '' }, groups)).toBe('');
  });
});
