import type { PaperData } from './schemas.ts';
import type { DigestData } from './content/digest.ts';
import type { Topic } from './topics.ts';
import { computeRelated } from './related.ts';
import { excerpt, renderTitle } from './markdown.ts';
import type { IsoDate } from './dates.ts';
import { timed } from './timings.ts';

/** A collection entry as Astro's loaders give it; only what the model reads. */
export interface SourceEntry<T> {
  id: string;
  data: T;
  filePath?: string | undefined;
  /**
   * The paper loader's cached work: the abstract as HTML, and in `metadata` as plain text (`text`) and, for a
   * paper without hand-set topics, its automatic topics (`topics`); see renderedEntry in src/loaders/prepare-paper.ts.
   */
  rendered?: { html: string; metadata?: Record<string, unknown> | undefined } | undefined;
}

export interface SiteSources {
  papers: readonly SourceEntry<PaperData>[];
  digests: readonly SourceEntry<DigestData>[];
  topics: readonly SourceEntry<Topic>[];
}

export interface Appearance {
  digest: Digest;
  rank: number;
  upvotes: number | undefined;
}

export interface Paper {
  slug: string;
  data: PaperData;
  /** The title with its LaTeX rendered (src/lib/markdown.ts): inline HTML for pages and feed HTML, plain text elsewhere. */
  titleHtml: string;
  titleText: string;
  /** The source's one-line summary with its LaTeX rendered like the title's (inline HTML), when it has one. */
  tldrHtml: string | undefined;
  /** The abstract rendered by the one shared renderer (src/lib/markdown.ts). */
  abstractHtml: string;
  abstractText: string;
  excerpt: string;
  topics: TopicSummary[];
  /** Every digest the paper appeared in, newest first. */
  appearances: Appearance[];
  /** The day of its oldest digest: the date it stands for when arXiv gives none. */
  firstSeen: IsoDate | undefined;
  /** The day of its newest digest: when it last trended, as feeds and lists of many days date it. */
  lastSeen: IsoDate | undefined;
  /** Code link, when known: the one badge readers look for. */
  codeUrl: string | undefined;
}

export interface DigestItem {
  paper: Paper;
  rank: number;
  upvotes: number | undefined;
}

export interface Digest {
  date: IsoDate;
  items: DigestItem[];
  /** The day before and after in the archive, when there is one. */
  older: Digest | undefined;
  newer: Digest | undefined;
}

export interface TopicSummary {
  id: string;
  name: string;
  description: string;
}

export interface TopicWithPapers extends TopicSummary {
  /** Newest digest first, in digest order within a day. */
  papers: Paper[];
}

export interface SiteModel {
  papers: Map<string, Paper>;
  /** Newest digest first, then rank: the order of feeds and topic pages. */
  papersByRecency: Paper[];
  /** Newest first. */
  digests: Digest[];
  digestsByDate: Map<IsoDate, Digest>;
  topics: TopicWithPapers[];
  topicsById: Map<string, TopicWithPapers>;
  /** The most similar papers, computed for the whole site on first use. */
  related(paper: Paper): Paper[];
  /** The papers before and after this one in its newest digest. */
  neighbours(paper: Paper): { previous: Paper | undefined; next: Paper | undefined };
}

export interface ModelOptions {
  excerptLength: number;
  relatedPapers: number;
}

/** A content error the build must stop on, with the file and field that hold it. */
export class ContentError extends Error {
  constructor(file: string, field: string, problem: string) {
    super(`${file}: ${field}: ${problem}`);
    this.name = 'ContentError';
  }
}

const pathOf = (entry: SourceEntry<unknown>, collection: string, extension: string) =>
  entry.filePath ?? `content/${collection}/${entry.id}${extension}`;

/** What the paper loader cached with the entry: the abstract rendered, and the automatic topics. */
function cachedRendering(entry: SourceEntry<PaperData>): { html: string; text: string; topics: string[] | undefined } {
  const text = entry.rendered?.metadata?.text;
  if (!entry.rendered || typeof text !== 'string') {
    throw new ContentError(pathOf(entry, 'papers', '.md'), 'abstract', 'not rendered: paper entries come from the paper loader (src/loaders/papers.ts)');
  }
  const topics = entry.rendered.metadata?.topics;
  return {
    html: entry.rendered.html,
    text,
    topics: Array.isArray(topics) && topics.every((id) => typeof id === 'string') ? topics : undefined,
  };
}

/**
 * Joins papers, digests and topics once: each paper learns its days, topics and
 * neighbours, each digest its papers. Pages only read the result.
 */
export function buildSiteModel(sources: SiteSources, options: ModelOptions): SiteModel {
  const topicSummaries = new Map<string, TopicSummary>(
    sources.topics.map(({ id, data }) => [id, { id, name: data.name, description: data.description }]),
  );
  if (topicSummaries.size === 0) {
    throw new ContentError('content/topics.yaml', 'topics', 'no topics: the taxonomy file is missing or empty');
  }

  const papers = new Map<string, Paper>();
  for (const entry of sources.papers) {
    const data = entry.data;
    const { html: abstractHtml, text: abstractText, topics: automatic } = cachedRendering(entry);
    // Hand-set topics win; otherwise the assignment the loader cached (none when it had no taxonomy).
    const topicIds = data.topics ?? automatic ?? [];
    const topics = topicIds.map((id, index) => {
      const topic = topicSummaries.get(id);
      if (!topic) {
        const known = [...topicSummaries.keys()].join(', ');
        throw new ContentError(pathOf(entry, 'papers', '.md'), `topics[${index}]`, `unknown topic "${id}" (known: ${known})`);
      }
      return topic;
    });
    const { html: titleHtml, text: titleText } = renderTitle(data.title);
    papers.set(entry.id, {
      slug: entry.id,
      data,
      titleHtml,
      titleText,
      tldrHtml: data.tldr === undefined ? undefined : renderTitle(data.tldr).html,
      abstractHtml,
      abstractText,
      excerpt: excerpt(abstractText, options.excerptLength),
      topics,
      appearances: [],
      firstSeen: undefined,
      lastSeen: undefined,
      codeUrl: data.links?.code,
    });
  }

  const digests: Digest[] = sources.digests
    .map((entry) => toDigest(entry, papers))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  digests.forEach((digest, index) => {
    digest.newer = digests[index - 1];
    digest.older = digests[index + 1];
    for (const item of digest.items) {
      item.paper.appearances.push({ digest, rank: item.rank, upvotes: item.upvotes });
      // Newest digest first: the first day set is the newest, the last one written the oldest.
      item.paper.lastSeen ??= digest.date;
      item.paper.firstSeen = digest.date;
    }
  });

  const papersByRecency: Paper[] = [];
  const listed = new Set<Paper>();
  for (const digest of digests) {
    for (const { paper } of digest.items) {
      if (!listed.has(paper)) papersByRecency.push(paper);
      listed.add(paper);
    }
  }
  // Papers no digest lists yet still get pages; they come last, by title.
  const unlisted = [...papers.values()].filter((paper) => !listed.has(paper));
  unlisted.sort((a, b) => a.data.title.localeCompare(b.data.title));
  papersByRecency.push(...unlisted);

  const topics: TopicWithPapers[] = [...topicSummaries.values()].map((topic) => ({ ...topic, papers: [] }));
  const topicsById = new Map(topics.map((topic) => [topic.id, topic]));
  for (const paper of papersByRecency) {
    for (const topic of paper.topics) topicsById.get(topic.id)!.papers.push(paper);
  }

  let relatedIds: Map<string, string[]> | undefined;
  return {
    papers,
    papersByRecency,
    digests,
    digestsByDate: new Map(digests.map((digest) => [digest.date, digest])),
    topics,
    topicsById,
    related(paper) {
      relatedIds ??= timed('related papers', () =>
        computeRelated(
          papersByRecency.map((p) => ({ id: p.slug, title: p.titleText, text: p.abstractText })),
          { limit: options.relatedPapers },
        ),
      );
      return (relatedIds.get(paper.slug) ?? []).map((slug) => papers.get(slug)!);
    },
    neighbours(paper) {
      const latest = paper.appearances[0];
      const items = latest?.digest.items;
      return { previous: latest && items?.[latest.rank - 2]?.paper, next: latest && items?.[latest.rank]?.paper };
    },
  };
}

function toDigest(entry: SourceEntry<DigestData>, papers: Map<string, Paper>): Digest {
  const file = pathOf(entry, 'digests', '.yaml');
  if (entry.data.date !== entry.id) {
    throw new ContentError(file, 'date', `${entry.data.date} does not match the file name (${entry.id}.yaml)`);
  }
  const seen = new Set<string>();
  const items = entry.data.papers.map((slug, index) => {
    const paper = papers.get(slug);
    if (!paper) throw new ContentError(file, `papers[${index}]`, `no paper "${slug}" (content/papers/${slug}.md does not exist)`);
    if (seen.has(slug)) throw new ContentError(file, `papers[${index}]`, `"${slug}" is listed twice`);
    seen.add(slug);
    return { paper, rank: index + 1, upvotes: entry.data.upvotes?.[slug] };
  });
  return { date: entry.data.date, items, older: undefined, newer: undefined };
}
