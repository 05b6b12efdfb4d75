/**
 * npm run topics:train: learns which topics a reader gives from what the taxonomy's rules find
 * (src/lib/topic-model.ts), on the tune half of the labelled papers, and writes content/topic-model.json.
 * Run it after changing content/topics.yaml or the labels; until then the build assigns topics by the rules
 * alone and says so, and `npm test` fails.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readTopics } from '#/lib/content/taxonomy.ts';
import { compileTopics } from '#/lib/topics.ts';
import { formatTopicModel, trainTopicModel } from '#/lib/topic-model.ts';
import { loadLabels, TAXONOMY_FILE, TOPIC_MODEL_FILE } from '../bench/lib/topic-quality.ts';

const topics = readTopics(readFileSync(TAXONOMY_FILE, 'utf8'));
const tune = loadLabels().filter((paper) => paper.split === 'tune');
const model = trainTopicModel(topics, compileTopics(topics), tune);
writeFileSync(TOPIC_MODEL_FILE, formatTopicModel(model));
console.log(`${fileURLToPath(TOPIC_MODEL_FILE)}: ${Object.keys(model.topics).length} of ${topics.length} topics learned (the others left to the rules), ${model.vocabulary.length} words, from ${tune.length} labelled papers`);
