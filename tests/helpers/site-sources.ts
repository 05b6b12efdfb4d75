import { formatPaper } from '../../src/lib/content/paper.ts';
import { paperSchema, type PaperData, type PaperFrontMatter } from '../../src/lib/schemas.ts';
import { compileTopics, type Topic } from '../../src/lib/topics.ts';
import type { SiteSources, SourceEntry } from '../../src/lib/site-model.ts';
import { preparePaper, renderedEntry } from '../../src/loaders/prepare-paper.ts';

/**
 * A paper entry as the paper loader stores it: its file prepared (parsed, the abstract rendered, tagged against
 * the taxonomy) and its front matter checked against the schema.
 */
export function loadedPaper(id: string, frontMatter: PaperFrontMatter, abstract: string, taxonomy: readonly Topic[]): SourceEntry<PaperData> {
  const filePath = `content/papers/${id}.md`;
  const prepared = preparePaper(formatPaper(frontMatter, abstract), filePath, compileTopics(taxonomy));
  return { id, filePath, data: paperSchema.parse(prepared.frontMatter), rendered: renderedEntry(prepared) };
}

/** A paper source as a test writes it: front matter and the abstract's Markdown. */
export interface PaperSource {
  id: string;
  data: PaperData;
  body?: string;
}

/**
 * Site sources with each paper rendered and tagged by the paper loader's own preparation (as `loadedPaper`), the
 * data kept as the test wrote it (so a test can hand the model fields the schema does not know yet).
 */
export function loadedSources<T extends { topics: SiteSources['topics']; papers: readonly PaperSource[] }>(
  sources: T,
): Omit<T, 'papers'> & { papers: SourceEntry<PaperData>[] } {
  const matcher = compileTopics(sources.topics.map((entry) => entry.data));
  const papers = sources.papers.map(({ id, data, body }) => {
    const filePath = `content/papers/${id}.md`;
    return { id, filePath, data, rendered: renderedEntry(preparePaper(formatPaper(data, body?.trim() ?? ''), filePath, matcher)) };
  });
  return { ...sources, papers };
}
