import { createHash } from 'node:crypto';
import { z } from 'astro/zod';
import { topicEvidence, topicsFromEvidence, type PaperText, type Topic, type TopicEvidence, type TopicMatcher } from './topics.ts';

/*
 * The taxonomy's rules (content/topics.yaml) find what a paper says for each topic; which of those topics a reader
 * would give it is learned here, from the papers readers labelled (the tune half of tests/fixtures/topic-labels/).
 * One logistic regression per topic weighs the rules' evidence for it (how the title and abstract hit its rules,
 * and what the rules alone would assign) and the words of the title and abstract; a paper gets the topics it
 * makes likely enough. A topic readers gave too few papers to learn from is left to the rules. `npm run
 * topics:train` writes the weights to content/topic-model.json, trained for one taxonomy: after a rule changes,
 * the rules alone assign topics until the model is trained again.
 */

const EVIDENCE_FEATURES = [
  'bias',
  'title rules (at most 3)',
  'title phrase',
  'abstract (at most 8, /4)',
  'abstract (at most 4, /4)',
  'score / best score',
  'best score',
  'the rules assign it',
  'the rules assign it first',
] as const;

export const topicModelSchema = z.object({
  about: z.string(),
  /** taxonomyFingerprint of the taxonomy it was trained with: its rules make the evidence. */
  taxonomy: z.string(),
  /** The labelled papers it learned from. */
  papers: z.number().int().positive(),
  /** A topic is given when its probability reaches this, and this share of the best topic's. */
  threshold: z.number().min(0).max(1),
  relative: z.number().min(0).max(1),
  maxTopics: z.number().int().positive(),
  /** The words and word pairs it weighs, of the title ("t:word", "t:word word") and the abstract ("a:…"); any other weighs 0. */
  vocabulary: z.array(z.string()),
  /** The topics it learned; any other topic is given as the rules give it. */
  topics: z.record(
    z.string(),
    z.object({
      /** One weight per EVIDENCE_FEATURES entry. */
      evidence: z.array(z.number()).length(EVIDENCE_FEATURES.length),
      /** One weight per vocabulary word. */
      words: z.array(z.number()),
    }),
  ),
}).refine((model) => Object.values(model.topics).every((topic) => topic.words.length === model.vocabulary.length), {
  message: 'every topic needs one word weight per vocabulary word',
});
export type TopicModel = z.infer<typeof topicModelSchema>;

/** What assigns automatic topics: the taxonomy's rules, and the model learned over them when it was trained for them. */
export interface Tagger {
  matcher: TopicMatcher;
  model: TopicModel | undefined;
}

/** Identifies a taxonomy by what it says (its comments and layout aside). */
export function taxonomyFingerprint(topics: readonly Topic[]): string {
  return createHash('sha256').update(JSON.stringify(topics)).digest('base64url');
}

/** Words of no topic: they would only add noise to every model. */
const STOP_WORDS = new Set(
  'the a an of and or to in for on with by we is are this that from as at be our its it which can these their using based via into than both such also has have not more while over show shows new'.split(' '),
);

/**
 * Each distinct word of the text once, and each pair of words next to each other ("language model", "video
 * generation"), which says more than either word does; a stop word between two words breaks the pair.
 */
function words(text: string, prefix: string): string[] {
  const found = new Set<string>();
  let previous: string | undefined;
  for (const [word] of text.toLowerCase().matchAll(/[a-z][a-z0-9]+/g)) {
    if (STOP_WORDS.has(word)) {
      previous = undefined;
      continue;
    }
    found.add(prefix + word);
    if (previous) found.add(`${prefix}${previous} ${word}`);
    previous = word;
  }
  return [...found];
}

/** The words and word pairs the model reads, from the title and from the abstract apart. */
function paperWords(paper: PaperText): string[] {
  return [...words(paper.title, 't:'), ...words(paper.abstract, 'a:')];
}

/** For each topic, in taxonomy order, its EVIDENCE_FEATURES values; `ruled` is what the rules alone assign. */
function evidenceFeatures(evidence: readonly TopicEvidence[], ruled: readonly string[]): number[][] {
  const best = Math.max(0, ...evidence.map((entry) => entry.score));
  return evidence.map((entry) => [
    1,
    Math.min(entry.titleRules, 3),
    entry.titlePhrase ? 1 : 0,
    Math.min(entry.abstract, 8) / 4,
    Math.min(entry.abstract, 4) / 4,
    best > 0 ? entry.score / best : 0,
    best > 0 && entry.score === best ? 1 : 0,
    ruled.includes(entry.id) ? 1 : 0,
    ruled[0] === entry.id ? 1 : 0,
  ]);
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** A topic's score for a paper before the sigmoid: the paper's evidence features and known words (indices), weighed. */
function logit(evidenceWeights: Float64Array, wordWeights: Float64Array, features: readonly number[], words: readonly number[]): number {
  let z = 0;
  for (let feature = 0; feature < features.length; feature++) z += features[feature]! * evidenceWeights[feature]!;
  for (const word of words) z += wordWeights[word]!;
  return z;
}

/** Each vocabulary word's index: where its weight is in every topic's word weights. */
const indexed = (vocabulary: readonly string[]): Map<string, number> => new Map(vocabulary.map((word, index) => [word, index]));

/** The indices of a paper's words that the vocabulary has; the others weigh nothing. */
function knownWords(index: ReadonlyMap<string, number>, paperWordList: readonly string[]): number[] {
  const known: number[] = [];
  for (const word of paperWordList) {
    const at = index.get(word);
    if (at !== undefined) known.push(at);
  }
  return known;
}

/** A model as the tagger reads it: each word's index, and each learned topic's weights as typed arrays. */
interface ReadyModel {
  vocabulary: Map<string, number>;
  topics: Map<string, { evidence: Float64Array; words: Float64Array }>;
}
const readyModels = new WeakMap<TopicModel, ReadyModel>();

/**
 * Made once per model, which tags every changed paper: typed weights, summed in plain loops, tag 10,000 papers about
 * 15 % faster than the parsed JSON's arrays did (the same topics).
 */
function ready(model: TopicModel): ReadyModel {
  let made = readyModels.get(model);
  if (!made) {
    made = {
      vocabulary: indexed(model.vocabulary),
      topics: new Map(
        Object.entries(model.topics).map(([id, { evidence, words }]) => [id, { evidence: Float64Array.from(evidence), words: Float64Array.from(words) }]),
      ),
    };
    readyModels.set(model, made);
  }
  return made;
}

/** Each topic's probability for the paper, in taxonomy order; a topic the model did not learn is 1 if the rules give it, else 0. */
function probabilities(model: TopicModel, evidence: readonly TopicEvidence[], paperWordList: readonly string[]): number[] {
  const { vocabulary, topics } = ready(model);
  const known = knownWords(vocabulary, paperWordList);
  const ruled = topicsFromEvidence(evidence);
  const features = evidenceFeatures(evidence, ruled);
  return evidence.map((entry, index) => {
    const weights = topics.get(entry.id);
    if (!weights) return ruled.includes(entry.id) ? 1 : 0;
    return sigmoid(logit(weights.evidence, weights.words, features[index]!, known));
  });
}

/**
 * The paper's topics by the model, likeliest first: those that reach the threshold and the relative share of the
 * best, at most maxTopics. When none does, the likeliest alone, so that a paper lands somewhere as long as the
 * rules found anything at all; with no evidence, none.
 */
function modelTopics(model: TopicModel, evidence: readonly TopicEvidence[], paper: PaperText): string[] {
  if (!evidence.some((entry) => entry.score > 0)) return [];
  const likely = probabilities(model, evidence, paperWords(paper))
    .map((probability, index) => ({ id: evidence[index]!.id, probability }))
    // Stable: equal probabilities keep taxonomy order.
    .sort((a, b) => b.probability - a.probability);
  const best = likely[0]!.probability;
  const kept = likely.filter(({ probability }) => probability >= model.threshold && probability >= best * model.relative);
  return (kept.length > 0 ? kept : likely.slice(0, 1)).slice(0, model.maxTopics).map(({ id }) => id);
}

/**
 * A paper's automatic topics, from its title, abstract text and keywords: the one definition, used by the paper
 * loader (which caches the result with the entry) and by the topic quality measures.
 */
export function automaticTopics(
  tagger: Tagger,
  data: { title: string; keywords?: readonly string[] | undefined },
  abstractText: string,
): string[] {
  const paper = { title: data.title, abstract: abstractText, keywords: data.keywords };
  const evidence = topicEvidence(tagger.matcher, paper);
  return tagger.model ? modelTopics(tagger.model, evidence, paper) : topicsFromEvidence(evidence);
}

/** How the model is trained; chosen by 5-fold cross-validation on the tune half (bench/README.md, topic quality). */
export const TRAINING = {
  /** Passes over the papers (Adagrad, one paper at a time, in file order). */
  epochs: 20,
  learningRate: 0.1,
  /** L2 penalty on the evidence weights (not the bias) and, much stronger, on the many word weights. */
  evidencePenalty: 0.001,
  wordPenalty: 0.05,
  /** A word in fewer labelled papers than this gets no weight: too rare to learn from. */
  minPapers: 5,
  /** The same for a word pair: pairs are many, and rarer ones added weights (a larger model file) but no accuracy. */
  minPairPapers: 12,
  /**
   * A topic given to fewer labelled papers than this is left to the rules: learned from a handful of examples, it
   * would almost never be given (Tokenization had 3 in the tune half, Prompting 13), and its topic page would empty.
   */
  minExamples: 25,
  threshold: 0.2,
  relative: 0.3,
  maxTopics: 3,
} as const;

export interface LabelledText extends PaperText {
  /** The reader's topics. */
  topics: readonly string[];
}

const ABOUT =
  'Written by `npm run topics:train` (src/lib/topic-model.ts) from content/topics.yaml and the tune half of tests/fixtures/topic-labels/; do not edit by hand.';

/** The model file's text: the vocabulary on one line and each topic on one, so that a diff shows which topics moved. */
export function formatTopicModel(model: TopicModel): string {
  const { vocabulary, topics, ...head } = model;
  const lines = Object.entries(topics).map(([id, weights]) => `    ${JSON.stringify(id)}: ${JSON.stringify(weights)}`);
  const headText = JSON.stringify(head, null, 2).slice(0, -2);
  return `${headText},\n  "vocabulary": ${JSON.stringify(vocabulary)},\n  "topics": {\n${lines.join(',\n')}\n  }\n}\n`;
}

/** Weights are kept to three decimals: finer steps change no assignment and would only make the file larger. */
const round = (weight: number): number => Math.round(weight * 1e3) / 1e3;

/** Trains the model on labelled papers; the same papers and taxonomy always give the same model. */
export function trainTopicModel(topics: readonly Topic[], matcher: TopicMatcher, papers: readonly LabelledText[]): TopicModel {
  const examples = papers.map((paper) => {
    const evidence = topicEvidence(matcher, paper);
    return { topics: new Set(paper.topics), evidence: evidenceFeatures(evidence, topicsFromEvidence(evidence)), words: paperWords(paper) };
  });
  const paperCount = new Map<string, number>();
  for (const { words: list } of examples) for (const word of list) paperCount.set(word, (paperCount.get(word) ?? 0) + 1);
  const enough = (word: string, count: number): boolean => count >= (word.includes(' ') ? TRAINING.minPairPapers : TRAINING.minPapers);
  const vocabulary = [...paperCount].filter(([word, count]) => enough(word, count)).map(([word]) => word).sort();
  const wordIndex = indexed(vocabulary);
  const exampleWords = examples.map(({ words: list }) => knownWords(wordIndex, list));

  const model: TopicModel['topics'] = {};
  topics.forEach((topic, topicIndex) => {
    if (examples.filter((example) => example.topics.has(topic.id)).length < TRAINING.minExamples) return;
    const evidenceWeights = new Float64Array(EVIDENCE_FEATURES.length);
    const evidenceSquares = new Float64Array(EVIDENCE_FEATURES.length).fill(1e-8);
    const wordWeights = new Float64Array(vocabulary.length);
    const wordSquares = new Float64Array(vocabulary.length).fill(1e-8);
    for (let epoch = 0; epoch < TRAINING.epochs; epoch++) {
      examples.forEach((example, exampleIndex) => {
        const features = example.evidence[topicIndex]!;
        const present = exampleWords[exampleIndex]!;
        const error = sigmoid(logit(evidenceWeights, wordWeights, features, present)) - (example.topics.has(topic.id) ? 1 : 0);
        features.forEach((value, feature) => {
          const gradient = error * value + (feature === 0 ? 0 : TRAINING.evidencePenalty * evidenceWeights[feature]!);
          evidenceSquares[feature]! += gradient * gradient;
          evidenceWeights[feature]! -= (TRAINING.learningRate * gradient) / Math.sqrt(evidenceSquares[feature]!);
        });
        for (const word of present) {
          const gradient = error + TRAINING.wordPenalty * wordWeights[word]!;
          wordSquares[word]! += gradient * gradient;
          wordWeights[word]! -= (TRAINING.learningRate * gradient) / Math.sqrt(wordSquares[word]!);
        }
      });
    }
    model[topic.id] = { evidence: [...evidenceWeights].map(round), words: [...wordWeights].map(round) };
  });
  return {
    about: ABOUT,
    taxonomy: taxonomyFingerprint(topics),
    papers: papers.length,
    threshold: TRAINING.threshold,
    relative: TRAINING.relative,
    maxTopics: TRAINING.maxTopics,
    vocabulary,
    topics: model,
  };
}
