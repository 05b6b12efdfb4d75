import type { Loader } from 'astro/loaders';
import { readdir, readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, YAMLParseError } from 'yaml';
import pLimit from 'p-limit';
import { splitFrontMatter } from '../lib/front-matter.ts';
import { renderAbstract } from '../lib/markdown.ts';
import { SLUG_PATTERN } from '../lib/slug.ts';

/**
 * Bumped whenever renderAbstract's output changes, so that abstracts cached in
 * the content store under an unchanged file are rendered again.
 */
const RENDER_VERSION = '2';

/** Files read at once: enough to keep the disk busy, far below the open-file limit. */
const OPEN_FILES = 64;

/**
 * Loads `<base>/**\/*.md` paper files. Unlike Astro's glob loader it creates no
 * module per file (nothing here is rendered by Astro): the abstract is rendered
 * once by our own remark pipeline when the file changes, and kept with its
 * plain text in the content store, so a rebuild only re-renders new or edited
 * papers. The slug is the file name; two files with one name are an error.
 */
export function paperLoader(options: { base: string }): Loader {
  return {
    name: 'papertide-papers',
    load: async ({ store, parseData, generateDigest, config, logger }) => {
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

      for (const id of store.keys()) if (!pathById.has(id)) store.delete(id);

      const limit = pLimit(OPEN_FILES);
      await Promise.all(
        [...pathById].map(([id, filePath]) =>
          limit(async () => {
            const contents = await readFile(new URL(filePath, config.root), 'utf8');
            const digest = generateDigest(`${RENDER_VERSION}\n${contents}`);
            if (store.get(id)?.digest === digest) return;
            const { frontMatter, body } = readPaperFile(contents, filePath);
            const data = await parseData({ id, data: frontMatter, filePath: fileURLToPath(new URL(filePath, config.root)) });
            const { html, text } = renderAbstract(body);
            store.set({ id, data, body, filePath, digest, rendered: { html, metadata: { text } } });
          }),
        ),
      );
    },
  };
}

function readPaperFile(contents: string, filePath: string): { frontMatter: Record<string, unknown>; body: string } {
  const split = splitFrontMatter(contents);
  if (!split) throw new Error(`${filePath}:1: no front matter (a paper file starts with a --- block)`);
  try {
    const frontMatter: unknown = parse(split.yaml) ?? {};
    if (typeof frontMatter !== 'object' || Array.isArray(frontMatter)) {
      throw new Error(`${filePath}:2: front matter must be a mapping of fields`);
    }
    return { frontMatter: frontMatter as Record<string, unknown>, body: split.body.trim() };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = (error.linePos?.[0].line ?? 0) + 1;
      throw new Error(`${filePath}:${line}: front matter is not valid YAML: ${error.message.split('\n')[0]}`);
    }
    throw error;
  }
}
