import { readPaper } from '#/lib/content/paper.ts';
import { renderAbstract } from '#/lib/markdown.ts';
import { automaticTopics, type Tagger } from '#/lib/topic-model.ts';
import type { Rendering } from '#/lib/paper-cache-file.ts';

/** A paper file read and rendered, before its front matter is checked against the schema. */
export interface PreparedPaper {
  frontMatter: Record<string, unknown>;
  /** The abstract, rendered (its Markdown is not kept). */
  html: string;
  text: string;
  /** Automatic topics, for a paper without hand-set ones when there is a taxonomy. */
  topics?: string[];
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Everything the paper loader does to a changed file except the schema check,
 * which needs Astro: parse, render the abstract, and tag it. Pure, so that it
 * can run in worker threads.
 */
export function preparePaper(contents: string, filePath: string, tagger: Tagger | undefined): PreparedPaper {
  const { frontMatter, body } = readPaper(contents, filePath);
  const { html, text } = renderAbstract(body);
  const { title, keywords, topics: handSet } = frontMatter;
  // A title or keywords of the wrong type fail the schema check right after; hand-set topics need no assignment.
  const taggable = tagger && handSet === undefined && typeof title === 'string' && (keywords === undefined || isStringList(keywords));
  return {
    frontMatter,
    html,
    text,
    ...(taggable ? { topics: automaticTopics(tagger, { title, keywords }, text) } : {}),
  };
}

/**
 * What the paper loader keeps with an entry of a prepared paper: the abstract's HTML, and in `metadata` its plain
 * text and automatic topics. The site model reads them back (src/lib/site-model.ts) and renders nothing itself.
 */
export function renderedEntry({ html, text, topics }: PreparedPaper): Rendering {
  return { html, metadata: topics ? { text, topics } : { text } };
}
