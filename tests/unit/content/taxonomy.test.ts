import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileTaxonomyFile, readTaxonomy, readTopics } from '#/lib/content/taxonomy.ts';
import { assignTopics, compileTopics, topicSchema } from '#/lib/topics.ts';

const TAXONOMY_FILE = new URL('../../../content/topics.yaml', import.meta.url);
const filler = 'We study a problem and report results on several datasets.';
const taxonomy = readTopics(readFileSync(TAXONOMY_FILE, 'utf8'));

describe('readTaxonomy', () => {
  it('gives each topic its place in the file, which the index and ties follow', () => {
    const topics = readTaxonomy(stringify([{ id: 'b', name: 'B' }, { id: 'a', name: 'A' }]));
    expect(topics).toEqual([{ id: 'b', name: 'B', position: 0 }, { id: 'a', name: 'A', position: 1 }]);
  });
});

describe('compileTaxonomyFile', () => {
  const quantization = { id: 'quantization', name: 'Quantization', description: 'Fewer bits.', match: { phrases: ['quantization'] } };
  const weights = { id: 'weights', name: 'Weights', description: 'Weights.', match: { patterns: ['\\bweights?\\b'] } };
  // A tie, so the order of the file decides which topic comes first.
  const paper = { title: 'Quantization of weights', abstract: filler };

  it('gives the matcher of the file\'s topics, in file order', () => {
    const { matcher } = compileTaxonomyFile(stringify([weights, quantization]))!;
    expect(assignTopics(matcher, paper)).toEqual(['weights', 'quantization']);
    expect(assignTopics(matcher, paper)).toEqual(assignTopics(compileTopics([weights, quantization].map((t) => topicSchema.parse(t))), paper));
    expect(assignTopics(compileTaxonomyFile(stringify([quantization, weights]))!.matcher, paper)).toEqual(['quantization', 'weights']);
  });

  it('the shipped taxonomy compiles', () => {
    const { matcher } = compileTaxonomyFile(readFileSync(TAXONOMY_FILE, 'utf8'))!;
    expect(matcher.topics.map((t) => t.id)).toEqual(taxonomy.map((t) => t.id));
  });

  it.each([
    ['invalid YAML', '- id: [unclosed'],
    ['an empty file', ''],
    ['a mapping instead of a list', stringify({ quantization })],
    ['a topic the schema rejects', stringify([quantization, { ...weights, match: {} }])],
    ['a duplicate id', stringify([quantization, quantization])],
  ])('gives no matcher for %s', (_, text) => {
    expect(compileTaxonomyFile(text)).toBeUndefined();
  });
});
