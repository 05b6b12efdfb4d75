import jsYaml from 'js-yaml';
import { splitFrontMatter } from '../lib/front-matter.ts';
import { renderAbstract } from '../lib/markdown.ts';
import { automaticTopics, type TopicMatcher } from '../lib/topics.ts';

/** A paper file read and rendered, before its front matter is checked against the schema. */
export interface PreparedPaper {
  frontMatter: Record<string, unknown>;
  /** The abstract, as Markdown. */
  body: string;
  html: string;
  text: string;
  /** Automatic topics, for a paper without hand-set ones when there is a taxonomy. */
  topics?: string[];
}

/** Splits a paper file into its front matter (parsed) and its abstract; errors name the file and line. */
export function readPaperFile(contents: string, filePath: string): { frontMatter: Record<string, unknown>; body: string } {
  const split = splitFrontMatter(contents);
  if (!split) throw new Error(`${filePath}:1: no front matter (a paper file starts with a --- block)`);
  try {
    // js-yaml here, not the `yaml` package the importer edits files with: ten times faster on front matter
    // (0.2 s instead of 1.8 s for 10,000 papers). The core schema reads dates as strings, as `yaml` does.
    const frontMatter: unknown = jsYaml.load(split.yaml, { schema: jsYaml.CORE_SCHEMA, filename: filePath }) ?? {};
    if (typeof frontMatter !== 'object' || Array.isArray(frontMatter)) {
      throw new Error(`${filePath}:2: front matter must be a mapping of fields`);
    }
    return { frontMatter: frontMatter as Record<string, unknown>, body: split.body.trim() };
  } catch (error) {
    if (error instanceof jsYaml.YAMLException) {
      // The front matter starts on the file's second line, after "---".
      const line = error.mark.line + 2;
      throw new Error(`${filePath}:${line}: front matter is not valid YAML: ${error.reason}`);
    }
    throw error;
  }
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Everything the paper loader does to a changed file except the schema check,
 * which needs Astro: parse, render the abstract, and tag it. Pure, so that it
 * can run in worker threads.
 */
export function preparePaper(contents: string, filePath: string, matcher: TopicMatcher | undefined): PreparedPaper {
  const { frontMatter, body } = readPaperFile(contents, filePath);
  const { html, text } = renderAbstract(body);
  const { title, keywords, topics: handSet } = frontMatter;
  // A title or keywords of the wrong type fail the schema check right after; hand-set topics need no assignment.
  const taggable = matcher && handSet === undefined && typeof title === 'string' && (keywords === undefined || isStringList(keywords));
  return {
    frontMatter,
    body,
    html,
    text,
    ...(taggable ? { topics: automaticTopics(matcher, { title, keywords }, text) } : {}),
  };
}
