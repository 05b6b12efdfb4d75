import type { Loader } from 'astro/loaders';
import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SLUG_PATTERN } from '#/lib/slug.ts';
import { ASSIGNER_VERSION, SCORING } from '#/lib/topics.ts';
import { prepareAll } from './prepare-papers.ts';
import { renderedEntry } from './prepare-paper.ts';
import type { PaperData } from '#/lib/schemas.ts';
import { cachedPaper, keepPaperCache, PAPER_CACHE_FILE, readPaperCache, writePaperCache } from '#/lib/paper-cache-file.ts';
import { readTopicModel, readTopics, topicModelFits } from '#/lib/content/taxonomy.ts';
import type { TopicModel } from '#/lib/topic-model.ts';
import { readStamps, stampIsSettled, STAMPS_KEY, type FileStamps } from './file-stamps.ts';

/**
 * Bumped whenever what the loader stores for a file changes (renderAbstract's
 * output, the entry's fields), so that entries of unchanged files are redone.
 */
const RENDER_VERSION = '5';

/**
 * Loads `<base>/**\/*.md` paper files. Unlike Astro's glob loader it creates no
 * module per file (nothing here is rendered by Astro): the abstract is rendered
 * once by our own remark pipeline when the file changes, and kept with the
 * checked front matter, its plain text and automatic topics beside the content
 * store (in the cache folder's PAPER_CACHE_FILE: src/lib/paper-cache-file.ts says why), so a rebuild only
 * re-renders and re-tags new or edited papers, and re-tags every paper when the
 * taxonomy file or the topic model changes. Whether a file changed is decided by a hash of its
 * bytes, never by its mtime: a fresh CI checkout gives every file a new mtime,
 * and costs only a read. Files whose size and settled mtime are both unchanged
 * since the last load are not even read. The slug is the file name; two files
 * with one name are an error.
 */
export function paperLoader(options: { base: string; taxonomy: string; topicModel: string }): Loader {
  return {
    name: 'papertide-papers',
    load: async ({ store, meta, parseData, generateDigest, config, logger }) => {
      const started = Date.now();
      const baseDir = new URL(`${options.base.replace(/\/?$/, '/')}`, config.root);
      const root = fileURLToPath(config.root);
      const files = (await readdir(baseDir, { recursive: true }).catch(() => [] as string[]))
        .filter((name) => name.endsWith('.md'))
        .sort();
      if (files.length === 0) logger.warn(`No paper files (*.md) in ${fileURLToPath(baseDir)}`);

      const pathById = new Map<string, string>();
      for (const file of files) {
        const id = file.split('/').at(-1)!.slice(0, -'.md'.length);
        const path = relative(root, fileURLToPath(new URL(file, baseDir)));
        if (!SLUG_PATTERN.test(id)) {
          throw new Error(`${path}: the file name must be a slug (lowercase a-z, 0-9 and hyphens), got "${id}"`);
        }
        const earlier = pathById.get(id);
        if (earlier) throw new Error(`${path}: duplicate slug "${id}", also used by ${earlier}`);
        pathById.set(id, path);
      }

      const cacheFile = fileURLToPath(new URL(PAPER_CACHE_FILE, config.cacheDir));
      const cache = readPaperCache(cacheFile);
      const cachedBefore = cache.size;
      for (const id of store.keys()) if (!pathById.has(id)) store.delete(id);
      for (const id of cache.keys()) if (!pathById.has(id)) cache.delete(id);

      // A missing taxonomy gives no matcher, so no topics are cached: the site model then reports the
      // taxonomy's problem (as does the topics collection).
      const taxonomy = await readFile(new URL(options.taxonomy, config.root), 'utf8').catch(() => undefined);
      const modelText = await readFile(new URL(options.topicModel, config.root), 'utf8').catch(() => undefined);
      const model = modelText === undefined ? undefined : readTopicModel(modelText, options.topicModel);
      if (model && taxonomy !== undefined && !modelFitsTaxonomy(model, taxonomy)) {
        logger.warn(`${options.topicModel} was trained for another ${options.taxonomy}: the rules alone assign topics until \`npm run topics:train\``);
      }
      // What else decides an entry: its rendering's code, and the topics' rules, model, settings and code.
      const inputs = generateDigest(`${RENDER_VERSION}\n${ASSIGNER_VERSION}\n${JSON.stringify(SCORING)}\n${taxonomy ?? ''}\n${modelText ?? ''}`);
      const previous = readStamps(meta.get(STAMPS_KEY), inputs);
      const stamps: Record<string, string> = {};

      // Find the new and changed files: only these are parsed again. Read one after another, synchronously:
      // after a fresh checkout every file is read, and reading 10k small files this way takes a fifth of the
      // time that the thread pool with a promise per call took.
      let read = 0;
      const changed: Array<{ id: string; filePath: string; contents: string; digest: string }> = [];
      for (const [id, filePath] of pathById) {
        const url = new URL(filePath, config.root);
        // Stat before reading: an edit in between leaves a stamp older than the contents, read again next time.
        const { size, mtimeMs } = statSync(url);
        const stamp = `${size}:${mtimeMs}`;
        const stored = store.get(id);
        const current = stored !== undefined && cachedPaper(cache, id, stored.digest) !== undefined;
        if (current && stored.filePath === filePath && previous[filePath] === stamp) {
          stamps[filePath] = stamp;
          continue;
        }
        const contents = readFileSync(url, 'utf8');
        read++;
        if (stampIsSettled(mtimeMs, started)) stamps[filePath] = stamp;
        const digest = generateDigest(`${inputs}\n${filePath}\n${contents}`);
        if (!current || stored.digest !== digest) changed.push({ id, filePath, contents, digest });
      }
      const prepared = await prepareAll(changed, taxonomy, model);
      for (const [index, { id, filePath, digest }] of changed.entries()) {
        const result = prepared[index]!;
        if ('error' in result) throw new Error(result.error);
        const { frontMatter } = result.paper;
        const data = (await parseData({ id, data: frontMatter, filePath: fileURLToPath(new URL(filePath, config.root)) })) as PaperData;
        // The store keeps the id and digest only: the data and the rendered abstract are kept beside it, in the
        // paper cache (its module says why). No `body` either: the Markdown is only ever needed rendered.
        store.set({ id, data: {}, filePath, digest });
        cache.set(id, { digest, data, ...renderedEntry(result.paper) });
      }
      if (changed.length > 0 || cache.size !== cachedBefore) await writePaperCache(cacheFile, cache);
      keepPaperCache(cacheFile, cache);
      meta.set(STAMPS_KEY, JSON.stringify({ inputs, stamps } satisfies FileStamps));
      logger.info(`${pathById.size} files, ${read} read, ${changed.length} parsed: ${Date.now() - started} ms`);
    },
  };
}

/** A taxonomy that does not parse has no rules to fit: the topics collection reports it. */
function modelFitsTaxonomy(model: TopicModel, taxonomy: string): boolean {
  try {
    return topicModelFits(model, readTopics(taxonomy));
  } catch {
    return true;
  }
}
