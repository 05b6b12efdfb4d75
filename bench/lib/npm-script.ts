import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * A package.json script and the environment npm runs it in, for the bench and the tests, which build other
 * content than `content/`: they run `npm run build` exactly as it is spelled there (Astro with its V8 flags,
 * then the search indexing step), not a copy of it. Without npm itself, whose process would count in the
 * bench's memory and whose start-up in its times.
 */
export function npmScript(root: string, name: string, env: NodeJS.ProcessEnv): { command: string; env: NodeJS.ProcessEnv } {
  const scripts: Record<string, string> = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
  const command = scripts[name];
  if (command === undefined) throw new Error(`package.json has no "${name}" script`);
  // As npm does: the project's binaries first, so `node` is the pinned Node 24 of the `node` devDependency.
  return { command, env: { ...env, PATH: [join(root, 'node_modules', '.bin'), env.PATH].filter(Boolean).join(delimiter) } };
}
