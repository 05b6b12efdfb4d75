import { parse, stringify } from 'yaml';
import { z } from 'astro/zod';
import { compileTopics, topicSchema, type Topic, type TopicMatcher } from '#/lib/topics.ts';

/**
 * The taxonomy file (`content/topics.yaml`): a YAML list of topics. Its order matters (ties go to the earlier
 * topic, and the index lists topics so), so each topic is read with its position in the file.
 */
export function readTaxonomy(text: string): unknown {
  const topics: unknown = parse(text);
  return Array.isArray(topics) ? topics.map((topic: object, position) => ({ ...topic, position })) : topics;
}

/**
 * The matcher for a taxonomy file's text, or undefined when the file is not valid YAML, breaks the topic
 * schema or repeats an id: reporting that is the topics collection's job.
 */
export function compileTaxonomyFile(text: string): TopicMatcher | undefined {
  try {
    return compileTopics(readTopics(text));
  } catch {
    return undefined;
  }
}

/** The taxonomy's topics in file order; throws when the file is not valid YAML or breaks the topic schema. */
export function readTopics(text: string): Topic[] {
  return z.array(topicSchema).parse(parse(text));
}

/** A taxonomy file's text. */
export function formatTaxonomy(topics: ReadonlyArray<Topic | Record<string, unknown>>): string {
  return stringify(topics);
}
