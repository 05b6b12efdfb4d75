import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { digestSchema, paperSchema } from './lib/schemas.ts';
import { topicSchema } from './lib/topics.ts';
import { SLUG_PATTERN } from './lib/slug.ts';

/** The content folder; CONTENT_DIR lets tests and the benchmark build other content with the same code. */
const contentDir = process.env.CONTENT_DIR || 'content';

/**
 * A paper's slug is its file name. Two files with one name in different folders
 * would silently replace each other in the store, so that is an error here.
 */
function slugIdFromFileName(collection: string, extension: string) {
  const seen = new Map<string, string>();
  return ({ entry }: { entry: string }): string => {
    const name = entry.split('/').at(-1)!;
    const id = name.slice(0, -extension.length);
    const path = `${contentDir}/${collection}/${entry}`;
    if (!SLUG_PATTERN.test(id) && collection === 'papers') {
      throw new Error(`${path}: the file name must be a slug (lowercase a-z, 0-9 and hyphens), got "${id}"`);
    }
    const earlier = seen.get(id);
    if (earlier && earlier !== path) throw new Error(`${path}: duplicate slug "${id}", also used by ${earlier}`);
    seen.set(id, path);
    return id;
  };
}

const papers = defineCollection({
  // Abstracts are rendered by our own remark pipeline (src/lib/markdown.ts), never by Astro's.
  loader: glob({ pattern: '**/*.md', base: `${contentDir}/papers`, deferRender: true, generateId: slugIdFromFileName('papers', '.md') }),
  schema: paperSchema,
});

const digests = defineCollection({
  loader: glob({ pattern: '**/*.yaml', base: `${contentDir}/digests`, generateId: slugIdFromFileName('digests', '.yaml') }),
  schema: digestSchema,
});

const topics = defineCollection({
  loader: file(`${contentDir}/topics.yaml`),
  schema: topicSchema,
});

export const collections = { papers, digests, topics };
