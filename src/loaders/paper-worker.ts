import { parentPort, workerData } from 'node:worker_threads';
import { compileTaxonomyFile } from '#/lib/content/taxonomy.ts';
import { prepareOne, type PaperSource } from './prepare-papers.ts';

/** One slice of prepareAll's files (see prepare-papers.ts), answered in one message. */
const { sources, taxonomy } = workerData as { sources: PaperSource[]; taxonomy: string | undefined };
const matcher = taxonomy === undefined ? undefined : compileTaxonomyFile(taxonomy);
parentPort!.postMessage(sources.map((source) => prepareOne(source, matcher)));
