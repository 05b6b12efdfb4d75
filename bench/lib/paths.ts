import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The repository root: bench/ lives directly in it. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Scratch space for corpora, builds and logs; ignored by git (bench/tmp/ in .gitignore). */
export const tmpRoot = join(repoRoot, 'bench', 'tmp');
export const resultsDir = join(repoRoot, 'bench', 'results');
export const readmePath = join(repoRoot, 'bench', 'README.md');

