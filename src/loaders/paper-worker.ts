import { parentPort, workerData } from 'node:worker_threads';
import { compileTaxonomyFile } from '#/lib/content/taxonomy.ts';
import type { TopicModel } from '#/lib/topic-model.ts';
import { prepareOne, type PaperSource } from './prepare-papers.ts';

/** One slice of prepareAll's files (see prepare-papers.ts), answered in one message. */
const { sources, taxonomy, model } = workerData as { sources: PaperSource[]; taxonomy: string | undefined; model: TopicModel | undefined };
const tagger = taxonomy === undefined ? undefined : compileTaxonomyFile(taxonomy, model);
parentPort!.postMessage(sources.map((source) => prepareOne(source, tagger)));
