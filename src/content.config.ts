import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { contentDir, DIGESTS_DIR, PAPERS_DIR, taxonomyFile, topicModelFile, dateOfDigestFile } from './lib/content/paths.ts';
import { digestSchema } from './lib/content/digest.ts';
import { readTaxonomy } from './lib/content/taxonomy.ts';
import { paperSchema } from './lib/schemas.ts';
import { topicSchema } from './lib/topics.ts';
import { paperLoader } from './loaders/papers.ts';

/** A digest's id is its file name, the day: `2026-03-14.yaml` → `2026-03-14`. */
const dayFromFileName = ({ entry }: { entry: string }) => dateOfDigestFile(entry)!;

// The loader checks each paper's front matter against this schema and keeps the result beside the store, in
// the paper cache (src/lib/paper-cache-file.ts); the store itself holds each paper's id and digest.
const papers = defineCollection({
  loader: paperLoader({ base: `${contentDir}/${PAPERS_DIR}`, taxonomy: taxonomyFile, topicModel: topicModelFile }),
  schema: paperSchema,
});

const digests = defineCollection({
  loader: glob({ pattern: '**/*.yaml', base: `${contentDir}/${DIGESTS_DIR}`, generateId: dayFromFileName }),
  schema: digestSchema,
});

const topics = defineCollection({
  // The content store keeps entries sorted by id, but the taxonomy's order matters (ties go to the
  // earlier topic, and the index lists them so): each topic keeps its place in the file.
  loader: file(taxonomyFile, { parser: (text) => readTaxonomy(text) as never }),
  schema: z.intersection(topicSchema, z.object({ position: z.number().int() })),
});

export const collections = { papers, digests, topics };
