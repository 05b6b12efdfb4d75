import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeFiles, staleFiles } from '#/integrations/prune-output.ts';

describe('staleFiles: what a build left in the output folder without producing it', () => {
  it('lists old files no route kept, and spares new files, kept pages, kept folders and a .git checkout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prune-'));
    // As the integration does: the build's start is a file's time, on the file system's own (coarse) clock.
    await writeFile(join(dir, '.build-started'), '');
    const buildStart = (await stat(join(dir, '.build-started'))).mtimeMs;
    const hourAgo = new Date(buildStart - 3_600_000);
    const file = async (path: string, old: boolean) => {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), path);
      if (old) await utimes(join(dir, path), hourAgo, hourAgo);
      return join(dir, path);
    };
    const gone = await file('papers/deleted/index.html', true);
    const oldAsset = await file('_astro/old.abc123.css', true);
    const reused = await file('papers/kept/index.html', true);
    await file('papers/new/index.html', false);
    await file('.git/HEAD', true);
    await file('.git/objects/ab/cdef', true);
    await file('pagefind/fragment/en_1234567.pf_fragment', true);

    expect(staleFiles(dir, buildStart, new Set([reused]), [join(dir, 'pagefind')])).toEqual([oldAsset, gone]);
    // A folder no step said it kept is judged file by file.
    expect(staleFiles(dir, buildStart, new Set([reused]))).toContain(join(dir, 'pagefind/fragment/en_1234567.pf_fragment'));
  });

  it('removes what a deleted topic leaves, its nested page folders included, and no folder still in use', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prune-'));
    const files = ['topics/gone/index.html', 'topics/gone/2/index.html', 'topics/gone/rss.xml', 'topics/kept/index.html'];
    for (const path of files) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), path);
    }
    removeFiles(dir, files.slice(0, 3).map((path) => join(dir, path)));
    expect(existsSync(join(dir, 'topics', 'gone'))).toBe(false);
    expect(existsSync(join(dir, 'topics', 'kept', 'index.html'))).toBe(true);
  });
});
