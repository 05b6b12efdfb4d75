import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

export interface CodeVersion {
  commit: string;
  /** Files changed in the working tree when the bench ran (the code measured is the commit plus these). */
  changed: string[];
}

/** The code measured: HEAD and uncommitted changes (read-only git commands). */
export function codeVersion(): CodeVersion {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return '';
    }
  };
  const changed = git('status', '--porcelain', '--untracked-files=all', '--', '.', ':!bench')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  return { commit: git('rev-parse', '--short', 'HEAD').trim() || '?', changed };
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryBytes: number;
  kernel: string;
  node: string;
  astro: string;
  pagefind: string;
}

async function versionOf(pkg: string): Promise<string> {
  try {
    return (JSON.parse(await readFile(join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

export async function describeMachine(): Promise<Machine> {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? '?',
    memoryBytes: totalmem(),
    kernel: release(),
    node: process.version,
    astro: await versionOf('astro'),
    pagefind: await versionOf('pagefind'),
  };
}
