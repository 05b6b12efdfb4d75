import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Tagger, TopicModel } from '#/lib/topic-model.ts';
import { compileTaxonomyFile } from '#/lib/content/taxonomy.ts';
import { preparePaper, type PreparedPaper } from './prepare-paper.ts';

export interface PaperSource {
  contents: string;
  filePath: string;
}

/** A prepared paper, or the message of what is wrong with its file. */
export type Prepared = { paper: PreparedPaper } | { error: string };

/**
 * From this many changed files, worker threads are worth their start-up (about
 * 0.2 s each to load the Markdown pipeline): a cold build, a taxonomy edit.
 * A daily import changes far fewer.
 */
export const WORKER_THRESHOLD = 500;

/** On a many-core machine, no more workers than give each this many files to pay back its start-up. */
const FILES_PER_WORKER = 250;

export function prepareOne(source: PaperSource, tagger: Tagger | undefined): Prepared {
  try {
    return { paper: preparePaper(source.contents, source.filePath, tagger) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Parses, renders and tags paper files, in order. Content sync runs on one
 * core while the others idle, and this is most of its work: with many files
 * it is split between worker threads, one per core.
 */
export async function prepareAll(
  sources: readonly PaperSource[],
  taxonomy: string | undefined,
  model: TopicModel | undefined,
  workers = sources.length >= WORKER_THRESHOLD ? Math.min(availableParallelism(), Math.ceil(sources.length / FILES_PER_WORKER)) : 1,
): Promise<Prepared[]> {
  if (workers <= 1) {
    const tagger = taxonomy === undefined ? undefined : compileTaxonomyFile(taxonomy, model);
    return sources.map((source) => prepareOne(source, tagger));
  }
  const size = Math.ceil(sources.length / workers);
  const slices = Array.from({ length: workers }, (_, index) => sources.slice(index * size, (index + 1) * size));
  return (await Promise.all(slices.map((slice) => prepareInWorker(slice, taxonomy, model)))).flat();
}

function prepareInWorker(sources: readonly PaperSource[], taxonomy: string | undefined, model: TopicModel | undefined): Promise<Prepared[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./paper-worker.ts', import.meta.url), { workerData: { sources, taxonomy, model } });
    worker.once('message', (prepared: Prepared[]) => {
      resolve(prepared);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a paper worker stopped (exit code ${code}) before answering`)));
  });
}
