import { execFileSync } from 'node:child_process';

/** Runs git in `dir` as a user who has not configured it (a test machine, CI) and returns what it printed. */
export const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
