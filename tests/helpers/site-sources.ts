import { formatPaper } from '#/lib/content/paper.ts';
import { paperSchema, type PaperData, type PaperFrontMatter } from '#/lib/schemas.ts';
import { buildSiteModel, type SiteModel } from '#/lib/site-model.ts';
import { compileTopics, type Topic } from '#/lib/topics.ts';
import type { SiteSources, SourceEntry } from '#/lib/site-model.ts';
import { preparePaper, renderedEntry } from '#/loaders/prepare-paper.ts';

/**
 * A paper entry as the paper loader stores it: its file prepared (parsed, the abstract rendered, tagged against
 * the taxonomy) and its front matter checked against the schema.
 */
export function loadedPaper(id: string, frontMatter: PaperFrontMatter, abstract: string, taxonomy: readonly Topic[]): SourceEntry<PaperData> {
  const filePath = `content/papers/${id}.md`;
  const prepared = preparePaper(formatPaper(frontMatter, abstract), filePath, { matcher: compileTopics(taxonomy), model: undefined });
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
export function loadedSources(sources: Omit<SiteSources, 'papers'> & { papers: readonly PaperSource[] }): SiteSources {
  const tagger = { matcher: compileTopics(sources.topics.map((entry) => entry.data)), model: undefined };
  const papers = sources.papers.map(({ id, data, body }) => {
    const filePath = `content/papers/${id}.md`;
    return { id, filePath, data, rendered: renderedEntry(preparePaper(formatPaper(data, body?.trim() ?? ''), filePath, tagger)) };
  });
  return { ...sources, papers };
}

const smallTaxonomy: SiteSources['topics'] = [
  { id: 'quantization', data: { id: 'quantization', name: 'Quantization', description: 'Fewer bits.', match: { phrases: ['quantization'], patterns: [], exclude: [], titlePhrases: [] } } },
  { id: 'agents', data: { id: 'agents', name: 'Agents', description: 'Acting models.', match: { phrases: ['agent'], patterns: [], exclude: [], titlePhrases: [] } } },
];

/**
 * A small site: three quantization papers on 2026-03-13, two of them again on 2026-03-14 with an agents paper.
 * `edit` changes a paper's front matter before it is loaded.
 */
export function smallSite(edit: (slug: string, frontMatter: PaperFrontMatter) => PaperFrontMatter = (_, frontMatter) => frontMatter): SiteModel {
  const papers: Array<[string, PaperFrontMatter, string]> = [
    ['q1', { title: 'Quantization one', arxiv: '2403.00001', links: { code: 'https://github.com/a/q1', pdf: 'https://example.org/q1.pdf' } }, 'Post-training quantization of weights.'],
    ['q2', { title: 'Quantization two', published: '2026-03-01' }, 'Quantization of activations.'],
    ['q3', { title: 'Quantization three' }, 'Quantization of the cache.'],
    ['a1', { title: 'An agent', authors: ['Ada Lovelace'] }, 'An agent that browses.'],
  ];
  return buildSiteModel(
    {
      topics: smallTaxonomy,
      papers: papers.map(([slug, frontMatter, abstract]) => loadedPaper(slug, edit(slug, frontMatter), abstract, smallTaxonomy.map((topic) => topic.data))),
      digests: [
        { id: '2026-03-13', data: { date: '2026-03-13', papers: ['q1', 'q2', 'q3'], upvotes: { q1: 5 } } },
        { id: '2026-03-14', data: { date: '2026-03-14', papers: ['a1', 'q1', 'q3'], upvotes: { a1: 12, q1: 7 } } },
      ],
    },
    { excerptLength: 40, relatedPapers: 2 },
  );
}

/** A change that only the one paper's title carries. */
export const retitled = (target: string) => (slug: string, frontMatter: PaperFrontMatter) =>
  slug === target ? { ...frontMatter, title: `${frontMatter.title}, revised` } : frontMatter;
