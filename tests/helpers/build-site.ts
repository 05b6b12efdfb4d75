import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { npmScript } from '../../bench/lib/npm-script.ts';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Scratch space for builds and generated content; ignored by git. */
export const scratchDir = join(repoRoot, 'tests', '.tmp');

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  basePath?: string;
  siteUrl?: string;
  /** More environment variables, e.g. SITE_URL. */
  env?: Record<string, string>;
}

export interface BuildResult {
  code: number | null;
  output: string;
}

/** Runs a command to its end, with its output (stdout and stderr as they came). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<BuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Runs the real production build on other content: package.json's `build` script, `astro build` and then
 * the search indexing step (scripts/index-search.ts).
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  // Vitest sets BASE_URL, MODE, NODE_ENV=test… in its own environment; a real build must not inherit them.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(name)),
  );
  const env = {
    ...inherited,
    CONTENT_DIR: options.contentDir,
    OUT_DIR: options.outDir,
    CACHE_DIR: `${options.outDir}-cache`,
    SITE_URL: options.siteUrl ?? 'https://papers.example.org',
    BASE_PATH: options.basePath ?? '/',
    ASTRO_TELEMETRY_DISABLED: '1',
    ...options.env,
  };
  const build = npmScript(repoRoot, 'build', env);
  return run('/bin/sh', ['-c', build.command], build.env);
}
