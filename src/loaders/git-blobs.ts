import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * What git already knows of a folder's files: the object id (a hash of the contents) of every tracked file whose
 * working copy git vouches for, by path relative to the folder. Git vouches for a file when its stat data still
 * matches what the index recorded when git last wrote or hashed it, and compares the contents when that is too
 * close to call (git's "racy" check); a fresh checkout and `git add` leave every file so. The daily workflow checks
 * the repository out afresh, which gives every file a new mtime, and commits what it imported before it builds:
 * asking git takes 0.1-0.2 s at 30,000 files (in git's processes, while the loader reads its cache), where reading
 * and hashing each file took 2-3 s.
 *
 * Empty when the folder is not in a git work tree, or git is not installed: then every file is read.
 */
export async function gitBlobIds(dir: string): Promise<Map<string, string>> {
  const git = async (...args: string[]) => (await run('git', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 })).stdout;
  let staged: string;
  let modified: string;
  try {
    // `-z`: paths as they are, never quoted; both list paths relative to `dir`.
    [staged, modified] = await Promise.all([
      git('ls-files', '--stage', '-v', '-z', '--', '.'),
      git('diff-files', '--name-only', '--relative', '-z', '--', '.'),
    ]);
  } catch {
    return new Map();
  }
  const notVouched = new Set(modified.split('\0'));
  const ids = new Map<string, string>();
  for (const record of staged.split('\0')) {
    // `<tag> <mode> <object id> <stage>\t<path>`. Only tag H is a file git checks: h (assume-unchanged) and S
    // (skip-worktree) are files git was told not to look at, which diff-files never reports edited. A stage
    // other than 0 is one side of a merge conflict.
    const match = /^H \d+ ([0-9a-f]+) 0\t(.+)$/s.exec(record);
    if (match && !notVouched.has(match[2]!)) ids.set(match[2]!, match[1]!);
  }
  return ids;
}

/**
 * The object id git gives these bytes (`git hash-object`), so that a file read because git could not vouch for it
 * keeps its digest once committed. (A repository in SHA-256 object format names objects otherwise: there a file is
 * parsed once more when it is committed.)
 */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}
