import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { digestSchema, paperSchema } from './lib/schemas.ts';
import { topicSchema } from './lib/topics.ts';
import { paperLoader } from './loaders/papers.ts';

/** The content folder; CONTENT_DIR lets tests and the benchmark build other content with the same code. */
const contentDir = process.env.CONTENT_DIR || 'content';

/** A digest's id is its file name, the day: `2026-03-14.yaml` → `2026-03-14`. */
const dayFromFileName = ({ entry }: { entry: string }) => entry.split('/').at(-1)!.replace(/\.yaml$/, '');

const papers = defineCollection({
  loader: paperLoader({ base: `${contentDir}/papers` }),
  schema: paperSchema,
});

const digests = defineCollection({
  loader: glob({ pattern: '**/*.yaml', base: `${contentDir}/digests`, generateId: dayFromFileName }),
  schema: digestSchema,
});

const topics = defineCollection({
  loader: file(`${contentDir}/topics.yaml`),
  schema: topicSchema,
});

export const collections = { papers, digests, topics };
