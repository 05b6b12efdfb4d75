import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { contentDir, taxonomyFile } from './lib/content-dir.ts';
import { digestSchema, paperSchema } from './lib/schemas.ts';
import { topicSchema } from './lib/topics.ts';
import { paperLoader } from './loaders/papers.ts';

/** A digest's id is its file name, the day: `2026-03-14.yaml` → `2026-03-14`. */
const dayFromFileName = ({ entry }: { entry: string }) => entry.split('/').at(-1)!.replace(/\.yaml$/, '');

const papers = defineCollection({
  loader: paperLoader({ base: `${contentDir}/papers`, taxonomy: taxonomyFile }),
  schema: paperSchema,
});

const digests = defineCollection({
  loader: glob({ pattern: '**/*.yaml', base: `${contentDir}/digests`, generateId: dayFromFileName }),
  schema: digestSchema,
});

const topics = defineCollection({
  // The content store keeps entries sorted by id, but the taxonomy's order matters (ties go to the
  // earlier topic, and the index lists them so): each topic keeps its place in the file.
  loader: file(taxonomyFile, {
    parser: (text) => {
      const topics: unknown = parse(text);
      return Array.isArray(topics) ? topics.map((topic, position) => ({ ...topic, position })) : (topics as never);
    },
  }),
  schema: z.intersection(topicSchema, z.object({ position: z.number().int() })),
});

export const collections = { papers, digests, topics };
