import type { Loader } from 'astro/loaders';
import { readFileSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
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
import { blobId, gitBlobIds } from './git-blobs.ts';

/**
 * Bumped whenever what the loader stores for a file changes (renderAbstract's
 * output, the entry's fields), so that entries of unchanged files are redone.
 */
const RENDER_VERSION = '10';

/**
 * Loads `<base>/**\/*.md` paper files. Unlike Astro's glob loader it creates no
 * module per file (nothing here is rendered by Astro): the abstract is rendered
 * once by our own remark pipeline when the file changes, and kept with the
 * checked front matter, its plain text and automatic topics beside the content
 * store (in the cache folder's PAPER_CACHE_FILE: src/lib/paper-cache-file.ts says why), so a rebuild only
 * re-renders and re-tags new or edited papers, and re-tags every paper when the
 * taxonomy file or the topic model changes. Whether a file changed is decided by a hash of its
 * bytes, never by its mtime: a fresh CI checkout gives every file a new mtime. The hash is git's
 * object id, which git already knows for the files it checked out or had committed; other files
 * are read, except those whose size and settled mtime are both unchanged since the last load. The slug is the file name; two files
 * with one name are an error.
 */
export function paperLoader(options: { base: string; taxonomy: string; topicModel: string }): Loader {
  return {
    name: 'papertide-papers',
    load: async ({ store, meta, parseData, generateDigest, config, logger }) => {
      const started = Date.now();
      const baseDir = new URL(`${options.base.replace(/\/?$/, '/')}`, config.root);
      const knownToGit = gitBlobIds(fileURLToPath(baseDir));
      const base = relative(fileURLToPath(config.root), fileURLToPath(baseDir));
      const names = (await readdir(baseDir, { recursive: true }).catch(() => [] as string[]))
        .filter((name) => name.endsWith('.md'))
        .sort();
      if (names.length === 0) logger.warn(`No paper files (*.md) in ${fileURLToPath(baseDir)}`);

      // By id: the file's path from the project root (as the store and errors name it) and from `baseDir` (as git does).
      const files = new Map<string, { filePath: string; name: string }>();
      for (const name of names) {
        const id = name.split('/').at(-1)!.slice(0, -'.md'.length);
        const filePath = join(base, name);
        if (!SLUG_PATTERN.test(id)) {
          throw new Error(`${filePath}: the file name must be a slug (lowercase a-z, 0-9 and hyphens), got "${id}"`);
        }
        const earlier = files.get(id);
        if (earlier) throw new Error(`${filePath}: duplicate slug "${id}", also used by ${earlier.filePath}`);
        files.set(id, { filePath, name });
      }

      const cacheFile = fileURLToPath(new URL(PAPER_CACHE_FILE, config.cacheDir));
      const cache = readPaperCache(cacheFile);
      const cachedBefore = cache.size;
      for (const id of store.keys()) if (!files.has(id)) store.delete(id);
      for (const id of cache.keys()) if (!files.has(id)) cache.delete(id);

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

      // Find the new and changed files: only these are parsed again. A file is known by its git object id (a hash of
      // its contents): from git when git vouches for the file (src/loaders/git-blobs.ts says when; after the daily
      // workflow's fresh checkout, every file it committed), else from reading it. Read one after another,
      // synchronously: reading 10k small files this way takes a fifth of the time the thread pool took.
      const known = await knownToGit;
      let fromGit = 0;
      let read = 0;
      const changed: Array<{ id: string; filePath: string; contents: string; digest: string }> = [];
      for (const [id, { filePath, name }] of files) {
        const url = new URL(filePath, config.root);
        const stored = store.get(id);
        const current = stored !== undefined && cachedPaper(cache, id, stored.digest) !== undefined;
        let bytes: Buffer | undefined;
        let object = known.get(name);
        if (object !== undefined) {
          fromGit++;
        } else {
          // Stat before reading: an edit in between leaves a stamp older than the contents, read again next time.
          const { size, mtimeMs } = statSync(url);
          const stamp = `${size}:${mtimeMs}`;
          if (current && stored.filePath === filePath && previous[filePath] === stamp) {
            stamps[filePath] = stamp;
            continue;
          }
          bytes = readFileSync(url);
          read++;
          if (stampIsSettled(mtimeMs, started)) stamps[filePath] = stamp;
          object = blobId(bytes);
        }
        const digest = generateDigest(`${inputs}\n${filePath}\n${object}`);
        if (current && stored.digest === digest) continue;
        if (bytes === undefined) {
          bytes = readFileSync(url);
          read++;
        }
        changed.push({ id, filePath, contents: bytes.toString('utf8'), digest });
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
      logger.info(`${files.size} files (${fromGit} known to git), ${read} read, ${changed.length} parsed: ${Date.now() - started} ms`);
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
