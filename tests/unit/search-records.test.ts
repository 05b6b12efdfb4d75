import { describe, expect, it } from 'vitest';
import { buildSiteModel } from '../../src/lib/site-model.ts';
import { searchRecord, TOPIC_SEPARATOR } from '../../src/lib/search-records.ts';

const model = buildSiteModel(
  {
    topics: [
      { id: 'retrieval', data: { id: 'retrieval', name: 'Retrieval, RAG & recommendation', description: 'R.', match: { phrases: ['retrieval'], patterns: [] } } },
      { id: 'code', data: { id: 'code', name: 'Code', description: 'C.', match: { phrases: ['code generation'], patterns: [] } } },
    ],
    papers: [
      {
        id: 'rag-for-code',
        data: { title: '<script>RAG</script> for code generation', links: { code: 'https://github.com/a/b' }, topics: ['code', 'retrieval'] },
        body: 'Retrieval helps code generation. \\<SEG> stays text.',
      },
    ],
    digests: [
      { id: '2026-02-27', data: { date: '2026-02-27', papers: ['rag-for-code'] } },
      { id: '2026-03-02', data: { date: '2026-03-02', papers: ['rag-for-code'] } },
    ],
  },
  { excerptLength: 100, relatedPapers: 5 },
);

describe('searchRecord', () => {
  const record = searchRecord(model.papers.get('rag-for-code')!, 'en');

  it('indexes the abstract as text and the title as metadata', () => {
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
    expect(record.meta.topics!.split(TOPIC_SEPARATOR)).toEqual(['Code', 'Retrieval, RAG & recommendation']);
  });

  it('sorts and dates by the newest digest', () => {
    expect(record.sort).toEqual({ date: '2026-03-02' });
    expect(record.meta.date).toBe('2026-03-02');
  });
});
