import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { PaperData } from './schemas.ts';

/**
 * What the paper loader made of each paper file, kept beside Astro's content store rather than in it: the front
 * matter as the collection's schema checked it, and the abstract rendered. Astro writes its whole store again on
 * every build (devalue, every entry, changed or not) and bundles it as one string module that the build compiles
 * and parses again before the first page; at 10,000 papers the papers were 11 MB of it, the rendered abstracts
 * another 18 MB before they moved here. Here they are one JSON file, written only when a paper changed and read by
 * the site model with one JSON.parse; the store keeps each paper's id and digest. Each entry names the digest of
 * the paper file it was made from, so that a stale entry is never taken for a current one.
 */
export const PAPER_CACHE_FILE = 'papertide-papers.json';

/** A paper's abstract as HTML, and in `metadata` as plain text and its automatic topics (see renderedEntry). */
export interface Rendering {
  html: string;
  metadata: { text: string; topics?: string[] };
}
export interface CachedPaper extends Rendering {
  /** The content store entry's digest: the paper file and the loader's inputs it was made from. */
  digest: string;
  /** The front matter, as the papers collection's schema returned it. */
  data: PaperData;
}

/**
 * The paper loader (in content sync) and the site model (before the first page) run one after the other in the
 * build's process, and both need every paper: the loader leaves what it wrote or found current here, and the site
 * model takes it rather than reading the file again. At 30,000 papers the file is 110 MB, 0.6-0.7 s to read and
 * parse. Each side has its own copy of this module (the content config is loaded through Vite, the pages from the
 * built bundle), so the hand-over is a global symbol, not module state.
 */
const LOADED = Symbol.for('papertide.paper-cache');
type Loaded = { file: string; papers: Map<string, CachedPaper> };
const loaded = globalThis as { [LOADED]?: Loaded };

/** Leaves the loader's papers, exactly what the file now holds, to the next readPaperCache of that file in this process. */
export function keepPaperCache(file: string, papers: Map<string, CachedPaper>): void {
  loaded[LOADED] = { file: resolve(file), papers };
}

/** The file's papers by id; none when the file is missing or unreadable (a cache: the loader reads the files again). */
export function readPaperCache(file: string): Map<string, CachedPaper> {
  const kept = loaded[LOADED];
  if (kept?.file === resolve(file)) {
    delete loaded[LOADED];
    return kept.papers;
  }
  try {
    // Read whole and synchronously: the promise API hands JSON.parse a string built from chunks, which parsed
    // half as fast at 110 MB.
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, CachedPaper>));
  } catch {
    return new Map();
  }
}

/** Writes the papers whole, through a temporary file: a build stopped half-way leaves the old file, never half a file. */
export async function writePaperCache(file: string, papers: ReadonlyMap<string, CachedPaper>): Promise<void> {
  const temporary = `${file}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(temporary, JSON.stringify(Object.fromEntries(papers)));
  await rename(temporary, file);
}

/** A content store entry's cached paper, when the file has one made from that entry's digest. */
export function cachedPaper(papers: ReadonlyMap<string, CachedPaper>, id: string, digest: unknown): CachedPaper | undefined {
  const paper = papers.get(id);
  return paper && paper.digest === digest ? paper : undefined;
}
