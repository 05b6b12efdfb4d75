import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, rmdirSync, statSync, unlinkSync } from 'node:fs';
import { mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files under `dir` that this build did not produce: older than the build and
 * neither the output of a page it kept nor inside a folder it kept. Astro reuses
 * an unchanged page by leaving the file from the previous build in place, so its
 * age alone does not make it stale. (Synchronous: this runs once, at the very
 * end, with nothing to overlap.)
 */
export function staleFiles(dir: string, builtSince: number, keptFiles: ReadonlySet<string>, folders: Iterable<string> = []): string[] {
  // A deploy checkout in the output folder (gh-pages style) is not the build's: Astro's own emptying spares it too.
  const spared = new Set([join(dir, '.git'), ...folders].map((folder) => resolve(folder)));
  const stale: string[] = [];
  // Not readdir's `recursive`: a spared folder is not even listed (the search index holds a file per paper).
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!spared.has(path)) visit(path);
      } else if (entry.isFile() && !keptFiles.has(path) && statSync(path).mtimeMs < builtSince) {
        stale.push(path);
      }
    }
  };
  visit(dir);
  return stale.sort();
}

/** Removes the files, then the folders they leave empty, up to `root`. */
export function removeFiles(root: string, files: readonly string[]): void {
  const folders = new Set<string>();
  for (const file of files) {
    unlinkSync(file);
    folders.add(dirname(file));
  }
  // Deepest first, so that a folder whose only content was an emptied folder goes too.
  for (let folder of [...folders].sort((a, b) => b.length - a.length)) {
    // A folder may be gone already: emptied by a deeper one's removal (topics/x/2/, then topics/x/).
    while (folder.startsWith(`${root}/`) && existsSync(folder) && readdirSync(folder).length === 0) {
      rmdirSync(folder);
      folder = dirname(folder);
    }
  }
}

/**
 * Keeps the output folder between builds. Astro would empty it first and then
 * copy every page it reuses back from its incremental cache: at 10,000 papers
 * that is 11,000 files deleted and copied on every daily rebuild. Instead the
 * folder stays (`vite.build.emptyOutDir: false`), reused pages are left where
 * they are, and this removes, once everything is written, whatever the build
 * no longer produces: pages of deleted papers, old assets, old index files.
 * Must come after every integration that writes into the output folder.
 * `spare`: folders of the output (relative to it) that a step after `astro build`
 * writes and prunes itself (the search index).
 */
export default function pruneOutput({ spare = [] }: { spare?: readonly string[] } = {}): AstroIntegration {
  let outDir = '';
  /** Its time is the build's start on the output folder's own clock and granularity. */
  const marker = () => join(outDir, '.build-started');
  return {
    name: 'papertide:prune-output',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/\/$/, '');
      },
      'astro:build:start': async () => {
        await mkdir(outDir, { recursive: true });
        await writeFile(marker(), '');
      },
      'astro:build:done': async ({ assets, logger }) => {
        const builtSince = (await stat(marker())).mtimeMs;
        await unlink(marker());
        // Every route's output files, the reused ones included.
        const outputs = new Set([...assets.values()].flat().map((file) => fileURLToPath(file)));
        const stale = staleFiles(outDir, builtSince, outputs, spare.map((folder) => join(outDir, folder)));
        removeFiles(outDir, stale);
        if (stale.length > 0) logger.info(`Removed ${stale.length} file(s) the build no longer produces.`);
      },
    },
  };
}
