/**
 * The paper loader's file stamps: which files it need not even read on the next load (src/loaders/papers.ts).
 */

/** The meta store key of the file stamps (see {@link FileStamps}). */
export const STAMPS_KEY = 'file-stamps';

/**
 * Whether a file's stamp, taken at `now`, can be trusted on the next load. An edit after that look gets a new
 * mtime only once the file system clock has left the tick of the last write: a few ms on Linux, up to 2 s on
 * file systems that keep whole seconds (FAT: even seconds). A file written just before a build is read again
 * on the next one.
 */
export function stampIsSettled(mtimeMs: number, now: number): boolean {
  return now - mtimeMs > (mtimeMs % 1000 === 0 ? 2000 : 100);
}

/**
 * What the last load saw of each file it left up to date in the store, by path: `size:mtimeMs`. A file whose
 * stamp is unchanged is not read again. `inputs` is everything else an entry depends on (the render version
 * and the taxonomy); when it differs, no stamp is trusted.
 */
export interface FileStamps {
  inputs: string;
  stamps: Record<string, string>;
}

/** The stamps of the last load, when they were taken with these inputs; none otherwise. */
export function readStamps(saved: string | undefined, inputs: string): Record<string, string> {
  try {
    const parsed = JSON.parse(saved ?? 'null') as FileStamps | null;
    return parsed?.inputs === inputs ? parsed.stamps : {};
  } catch {
    return {};
  }
}
