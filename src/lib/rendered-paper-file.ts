import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The paper loader's rendered abstracts, kept beside Astro's content store
 * rather than in it. Astro writes its whole store again on every build (devalue,
 * every entry, changed or not) and bundles it as one string module that the
 * build compiles and parses again before the first page: at 10,000 papers the
 * rendered abstracts were 60 % of its 29 MB. Here they are one JSON file, written
 * only when a paper changed and read by the site model with one JSON.parse.
 * Each entry names the digest of the paper file it was rendered from, so that a
 * stale rendering is never taken for a current one.
 */
export const RENDERED_PAPERS_FILE = 'papertide-rendered-papers.json';

/** A paper's abstract as HTML, and in `metadata` as plain text and its automatic topics (see renderedEntry). */
export interface Rendering {
  html: string;
  metadata: { text: string; topics?: string[] };
}
export interface RenderedPaper extends Rendering {
  /** The content store entry's digest: the paper file and the loader's inputs it was rendered from. */
  digest: string;
}

/** The file's renderings by paper id; none when the file is missing or unreadable (a cache: the loader renders again). */
export async function readRenderedPapers(file: string): Promise<Map<string, RenderedPaper>> {
  try {
    return new Map(Object.entries(JSON.parse(await readFile(file, 'utf8')) as Record<string, RenderedPaper>));
  } catch {
    return new Map();
  }
}

/** Writes the renderings whole, through a temporary file: a build stopped half-way leaves the old file, never half a file. */
export async function writeRenderedPapers(file: string, papers: ReadonlyMap<string, RenderedPaper>): Promise<void> {
  const temporary = `${file}.tmp`;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(temporary, JSON.stringify(Object.fromEntries(papers)));
  await rename(temporary, file);
}

/** A content store entry's rendering, when the file has one made from that entry's digest. */
export function renderingOf(papers: ReadonlyMap<string, RenderedPaper>, id: string, digest: unknown): Rendering | undefined {
  const paper = papers.get(id);
  return paper && paper.digest === digest ? { html: paper.html, metadata: paper.metadata } : undefined;
}
