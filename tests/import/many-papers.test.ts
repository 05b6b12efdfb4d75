import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, seedDigest, tempDir, writeInput } from './helpers.ts';

describe('an import into a large site', () => {
  // Regression: the importer opened every paper file at once and failed with EMFILE at 30,000
  // papers. Under an open-file limit far below the number of papers it must still work.
  it('reads the existing papers a few at a time, within the open-file limit', async () => {
    const contentDir = await tempDir();
    await mkdir(join(contentDir, 'papers'), { recursive: true });
    await Promise.all(
      Array.from({ length: 400 }, (_, n) =>
        writeFile(join(contentDir, 'papers', `existing-${n}.md`), `---\ntitle: Existing paper ${n}\n---\n\nAbstract ${n}.\n`),
      ),
    );
    const input = await writeInput('seed.txt', seedDigest().text);
    const node = join(REPO_ROOT, 'node_modules', '.bin', 'node');
    const run = spawnSync(
      'bash',
      ['-c', `ulimit -n 200 && "${node}" scripts/import.ts "${input}" --date 2026-03-14 --content-dir "${contentDir}"`],
      { cwd: REPO_ROOT, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('2026-03-14: 71 papers (71 new, 0 already known)');
    expect(run.status).toBe(0);
  });
});
