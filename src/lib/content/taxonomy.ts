import { parse, stringify } from 'yaml';
import { z } from 'astro/zod';
import { compileTopics, topicSchema, type Topic } from '#/lib/topics.ts';
import { taxonomyFingerprint, topicModelSchema, type Tagger, type TopicModel } from '#/lib/topic-model.ts';

/**
 * The taxonomy file (`content/topics.yaml`): a YAML list of topics. Its order matters (ties go to the earlier
 * topic, and the index lists topics so), so each topic is read with its position in the file.
 */
export function readTaxonomy(text: string): unknown {
  const topics: unknown = parse(text);
  return Array.isArray(topics) ? topics.map((topic: object, position) => ({ ...topic, position })) : topics;
}

/**
 * The tagger for a taxonomy file's text, with the topic model when it was trained for this taxonomy, or undefined
 * when the file is not valid YAML, breaks the topic schema or repeats an id: reporting that is the topics
 * collection's job.
 */
export function compileTaxonomyFile(text: string, model?: TopicModel): Tagger | undefined {
  try {
    return taggerFor(readTopics(text), model);
  } catch {
    return undefined;
  }
}

/** The tagger for a taxonomy's topics: their rules, and the model only if it was trained for them. */
export function taggerFor(topics: readonly Topic[], model: TopicModel | undefined): Tagger {
  return { matcher: compileTopics(topics), model: model && topicModelFits(model, topics) ? model : undefined };
}

/** Whether the model was trained for these topics' rules (a model for other rules would misread their evidence). */
export function topicModelFits(model: TopicModel, topics: readonly Topic[]): boolean {
  return model.taxonomy === taxonomyFingerprint(topics);
}

/** The topic model file's text, checked; throws an error that names the file and what is wrong. */
export function readTopicModel(text: string, file: string): TopicModel {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)}); run npm run topics:train to write it again`);
  }
  const result = topicModelSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || 'the file'}: ${issue.message}; run npm run topics:train to write it again`);
  }
  return result.data;
}

/** The taxonomy's topics in file order; throws when the file is not valid YAML or breaks the topic schema. */
export function readTopics(text: string): Topic[] {
  return z.array(topicSchema).parse(parse(text));
}

/** A taxonomy file's text. */
export function formatTaxonomy(topics: ReadonlyArray<Topic | Record<string, unknown>>): string {
  return stringify(topics);
}
