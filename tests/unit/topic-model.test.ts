import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileTaxonomyFile, readTopicModel, readTopics } from '#/lib/content/taxonomy.ts';
import { automaticTopics, formatTopicModel, trainTopicModel, type LabelledText } from '#/lib/topic-model.ts';
import { compileTopics, topicSchema, type Topic } from '#/lib/topics.ts';
import { loadLabels, TAXONOMY_FILE, TOPIC_MODEL_FILE } from '../../bench/lib/topic-quality.ts';

const topic = (id: string, phrases: string[]): Topic =>
  topicSchema.parse({ id, name: id, description: `About ${id}.`, match: { phrases } });

/** Readers file every "zebra" paper under beta too, which no rule of beta says: only a model can learn it. */
const taxonomy = [topic('alpha', ['alpha']), topic('beta', ['beta']), topic('gamma', ['gamma'])];
const filler = ['results on several datasets', 'a study of the problem', 'experiments and analysis', 'a new method'];
const labelled: LabelledText[] = Array.from({ length: 60 }, (_, index) => {
  const zebra = index % 2 === 0;
  const about = ['alpha', 'gamma'][index % 4 < 2 ? 0 : 1]!;
  return {
    title: `${about} ${zebra ? 'zebra ' : ''}paper ${index}`,
    abstract: `We study ${about}${zebra ? ' with zebra' : ''}, ${filler[index % filler.length]}.`,
    topics: zebra ? [about, 'beta'] : [about],
  };
});

describe('trainTopicModel', () => {
  const model = trainTopicModel(taxonomy, compileTopics(taxonomy), labelled);
  const tagger = { matcher: compileTopics(taxonomy), model };

  it('learns a topic readers give that the rules cannot find, and gives it only where they do', () => {
    expect(automaticTopics({ ...tagger, model: undefined }, { title: 'alpha zebra again' }, 'We study alpha with zebra.')).toEqual(['alpha']);
    expect(automaticTopics(tagger, { title: 'alpha zebra again' }, 'We study alpha with zebra.')).toEqual(['alpha', 'beta']);
    expect(automaticTopics(tagger, { title: 'gamma once more' }, 'We study gamma.')).toEqual(['gamma']);
  });

  it('reads two words next to each other as more than either: readers file "zebra crossing" papers under beta, not those with both words apart', () => {
    const pairs: LabelledText[] = Array.from({ length: 60 }, (_, index) => {
      const about = ['alpha', 'gamma'][index % 4 < 2 ? 0 : 1]!;
      const crossing = index % 2 === 0;
      return {
        title: `${about} paper ${index}`,
        abstract: crossing ? `We study ${about} at a zebra crossing.` : `We study ${about}, crossing a zebra.`,
        topics: crossing ? [about, 'beta'] : [about],
      };
    });
    const paired = { matcher: compileTopics(taxonomy), model: trainTopicModel(taxonomy, compileTopics(taxonomy), pairs) };
    expect(automaticTopics(paired, { title: 'alpha again' }, 'Alpha at the zebra crossing.')).toEqual(['alpha', 'beta']);
    expect(automaticTopics(paired, { title: 'alpha again' }, 'Alpha, crossing a zebra.')).toEqual(['alpha']);
  });

  it('gives no topic to a paper without any evidence for one', () => {
    expect(automaticTopics(tagger, { title: 'zebra' }, 'Nothing the rules know.')).toEqual([]);
  });

  it('is the same model for the same papers and taxonomy, and says what it was trained for', () => {
    expect(trainTopicModel(taxonomy, compileTopics(taxonomy), labelled)).toEqual(model);
    expect(model.papers).toBe(60);
    expect(Object.keys(model.topics)).toEqual(['alpha', 'beta', 'gamma']);
  });

  it('writes a file that reads back as the same model', () => {
    expect(readTopicModel(formatTopicModel(model), 'topic-model.json')).toEqual(model);
  });

  it('is left out for a taxonomy whose rules it was not trained on, so the rules alone assign topics', () => {
    const edited = [topic('alpha', ['alpha', 'alphas']), ...taxonomy.slice(1)];
    expect(compileTaxonomyFile(stringify(taxonomy), model)?.model).toBe(model);
    expect(compileTaxonomyFile(stringify(edited), model)?.model).toBeUndefined();
  });
});

describe('readTopicModel', () => {
  it('names the file and what is wrong', () => {
    expect(() => readTopicModel('{ not json', 'content/topic-model.json')).toThrow(/^content\/topic-model\.json: not valid JSON .*npm run topics:train/);
    expect(() => readTopicModel('{"about": "x"}', 'content/topic-model.json')).toThrow(/^content\/topic-model\.json: taxonomy: /);
  });
});

describe('content/topic-model.json', () => {
  it('is what training on the tune half of the labelled papers gives for content/topics.yaml (npm run topics:train)', () => {
    const topics = readTopics(readFileSync(TAXONOMY_FILE, 'utf8'));
    const tune = loadLabels().filter((paper) => paper.split === 'tune');
    const trained = formatTopicModel(trainTopicModel(topics, compileTopics(topics), tune));
    expect(readFileSync(TOPIC_MODEL_FILE, 'utf8') === trained, 'content/topic-model.json is stale: run npm run topics:train').toBe(true);
  });
});
