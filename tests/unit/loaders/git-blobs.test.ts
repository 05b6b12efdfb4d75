import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobId, gitBlobIds } from '#/loaders/git-blobs.ts';
import { git } from '../../helpers/git.ts';

describe('what git knows of the paper files', () => {
  let repo = '';
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'papertide-git-'));
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('gives each committed file the id git gives it, by its path in the folder asked about', async () => {
    mkdirSync(join(repo, 'papers', '2026'), { recursive: true });
    writeFileSync(join(repo, 'papers', 'one.md'), 'One, café.\n');
    writeFileSync(join(repo, 'papers', '2026', 'two words.md'), 'Two.\n');
    writeFileSync(join(repo, 'outside.md'), 'Not in papers/.\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Papers');

    const ids = await gitBlobIds(join(repo, 'papers'));
    expect(ids).toEqual(
      new Map([
        ['2026/two words.md', git(repo, 'hash-object', 'papers/2026/two words.md')],
        ['one.md', git(repo, 'hash-object', 'papers/one.md')],
      ]),
    );
    // A file read instead gets the same id.
    expect(blobId(readFileSync(join(repo, 'papers', 'one.md')))).toBe(ids.get('one.md'));
  });

  it('does not vouch for a file edited since, nor for a file git does not track', async () => {
    mkdirSync(join(repo, 'papers'));
    writeFileSync(join(repo, 'papers', 'one.md'), 'One.\n');
    writeFileSync(join(repo, 'papers', 'two.md'), 'Two.\n');
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Papers');
    writeFileSync(join(repo, 'papers', 'one.md'), 'One, edited.\n');
    writeFileSync(join(repo, 'papers', 'three.md'), 'Three.\n');

    expect([...(await gitBlobIds(join(repo, 'papers'))).keys()]).toEqual(['two.md']);
  });

  it('does not vouch for a file git was told not to check, edited or not', async () => {
    mkdirSync(join(repo, 'papers'));
    for (const name of ['one', 'two', 'three']) writeFileSync(join(repo, 'papers', `${name}.md`), `${name}\n`);
    git(repo, 'init', '-q');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'Papers');
    git(repo, 'update-index', '--assume-unchanged', 'papers/one.md');
    git(repo, 'update-index', '--skip-worktree', 'papers/two.md');
    writeFileSync(join(repo, 'papers', 'one.md'), 'One, edited where git does not look.\n');

    expect([...(await gitBlobIds(join(repo, 'papers'))).keys()]).toEqual(['three.md']);
  });

  it('knows nothing outside a git work tree', async () => {
    writeFileSync(join(repo, 'one.md'), 'One.\n');
    expect((await gitBlobIds(repo)).size).toBe(0);
  });
});
