import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '#/lib/site-model.ts';
import { searchRecord } from '#/lib/search-records.ts';
import { LIST_SEPARATOR } from '#/lib/search-fields.ts';
import { loadedSources } from '../helpers/site-sources.ts';

const model = buildSiteModel(
  loadedSources({
    topics: [
      { id: 'retrieval', data: { id: 'retrieval', name: 'Retrieval, RAG & recommendation', description: 'R.', match: { phrases: ['retrieval'], patterns: [], exclude: [], titlePhrases: [] } } },
      { id: 'code', data: { id: 'code', name: 'Code', description: 'C.', match: { phrases: ['code generation'], patterns: [], exclude: [], titlePhrases: [] } } },
    ],
    papers: [
      {
        id: 'rag-for-code',
        data: { title: '<script>RAG</script> for code generation', links: { code: 'https://github.com/a/b' }, topics: ['code', 'retrieval'] },
        body: 'Retrieval helps code generation. \\<SEG> stays text.',
      },
      {
        id: 'kv-cache',
        data: {
          title: 'Squeezing the KV cache',
          arxiv: '2607.21051v2',
          authors: ['Kaiming He', 'Ada Lovelace, Jr.', 'Alan Turing', 'Grace Hopper'],
          keywords: ['KV cache', 'quantization'],
          upvotes: 17,
          // Hugging Face's organization object, as the source importer adds it (a field the schema may not have yet).
          ...({ organization: { name: 'zju', fullname: 'Zhejiang University' } } as object),
        },
        body: 'We quantize the cache.',
      },
    ],
    digests: [
      { id: '2026-02-27', data: { date: '2026-02-27', papers: ['rag-for-code'] } },
      { id: '2026-03-02', data: { date: '2026-03-02', papers: ['rag-for-code', 'kv-cache'] } },
    ],
  }),
  { excerptLength: 100, relatedPapers: 5 },
);

describe('searchRecord', () => {
  const record = searchRecord(model.papers.get('rag-for-code')!, 'en');

  it('indexes the abstract as text and the title as metadata (topics are filters, not words)', () => {
    expect(record.content).toBe('Retrieval helps code generation. <SEG> stays text.');
    expect(record.meta.title).toBe('<script>RAG</script> for code generation');
    expect(record.url).toBe('/papers/rag-for-code/');
  });

  it('files the paper under its topics, every month it trended, and whether it has code', () => {
    expect(record.filters).toEqual({
      topic: ['Code', 'Retrieval, RAG & recommendation'],
      month: ['March 2026', 'February 2026'],
      code: ['yes'],
    });
  });

  it('sorts and dates by the newest digest, and sorts a paper without upvotes as 0', () => {
    expect(record.sort).toEqual({ date: '2026-03-02', upvotes: '0' });
    expect(record.meta.date).toBe('2026-03-02');
    expect(record.meta.upvotes).toBeUndefined();
  });

  it('makes what readers look a paper up by searchable: every author, the bare arXiv id, keywords, organization', () => {
    const paper = searchRecord(model.papers.get('kv-cache')!, 'en');
    // A comma inside a name does not split it.
    expect(paper.meta.authors!.split(LIST_SEPARATOR)).toEqual(['Kaiming He', 'Ada Lovelace, Jr.', 'Alan Turing', 'Grace Hopper']);
    expect(paper.meta.arxiv).toBe('2607.21051');
    expect(paper.meta.keywords!.split(LIST_SEPARATOR)).toEqual(['KV cache', 'quantization']);
    expect(paper.meta.organization).toBe('Zhejiang University · zju');
    expect(paper.meta.upvotes).toBe('17');
    expect(paper.sort).toEqual({ date: '2026-03-02', upvotes: '17' });
    expect(paper.filters.code).toEqual(['no']);
  });

  it('leaves out fields a paper does not have', () => {
    expect(Object.keys(record.meta).sort()).toEqual(['date', 'title']);
  });
});
