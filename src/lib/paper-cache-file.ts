import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
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

/** The file's papers by id; none when the file is missing or unreadable (a cache: the loader reads the files again). */
export async function readPaperCache(file: string): Promise<Map<string, CachedPaper>> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, CachedPaper>));
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
