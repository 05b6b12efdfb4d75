import type { AstroIntegration } from 'astro';
import { mkdir, readdir, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Files under `dir` that this build did not produce: older than the build and
 * not the output of a page it kept. Astro reuses an unchanged page by leaving
 * the file from the previous build in place, so its age alone does not make it
 * stale.
 */
export async function staleFiles(dir: string, builtSince: number, kept: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const stale: string[] = [];
  await Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = join(entry.parentPath, entry.name);
        if (kept.has(file)) return;
        if ((await stat(file)).mtimeMs < builtSince) stale.push(file);
      }),
  );
  return stale.sort();
}

async function removeEmptyDirectories(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) if (entry.isDirectory()) await removeEmptyDirectories(join(dir, entry.name));
  if ((await readdir(dir)).length === 0) await rmdir(dir);
}

/**
 * Keeps the output folder between builds. Astro would empty it first and then
 * copy every page it reuses back from its incremental cache: at 10,000 papers
 * that is 11,000 files deleted and copied on every daily rebuild. Instead the
 * folder stays (`vite.build.emptyOutDir: false`), reused pages are left where
 * they are, and this removes, once everything is written, whatever the build
 * no longer produces: pages of deleted papers, old assets, old index files.
 * Must come after every integration that writes into the output folder.
 */
export default function pruneOutput(): AstroIntegration {
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
        outDir = fileURLToPath(config.outDir);
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
        const stale = await staleFiles(outDir, builtSince, outputs);
        await Promise.all(stale.map((file) => unlink(file)));
        await removeEmptyDirectories(outDir);
        if (stale.length > 0) logger.info(`Removed ${stale.length} file(s) the build no longer produces.`);
      },
    },
  };
}
