import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePlainTextDigest } from '#/lib/import/formats/plain-text.ts';
import { assignTopics, compileTopics, SCORING, topicSchema, type Topic } from '#/lib/topics.ts';

const TAXONOMY_FILE = new URL('../../content/topics.yaml', import.meta.url);
const SEED_FILE = new URL('../fixtures/seed-2026-03-14.txt', import.meta.url);

function loadTaxonomy(): Topic[] {
  const items: unknown = parse(readFileSync(TAXONOMY_FILE, 'utf8'));
  if (!Array.isArray(items)) throw new Error('content/topics.yaml must be a YAML array');
  return items.map((item) => topicSchema.parse(item));
}

const taxonomy = loadTaxonomy();
const matcher = compileTopics(taxonomy);
const seed = parsePlainTextDigest(readFileSync(SEED_FILE, 'utf8'), SEED_FILE.pathname).entries;
const seedTopics = new Map(seed.map((paper) => [paper.title, assignTopics(matcher, paper)]));

function topicsOfSeedPaper(titleStart: string): string[] {
  const paper = seed.find((entry) => entry.title.startsWith(titleStart));
  if (!paper) throw new Error(`no seed paper titled "${titleStart}…"`);
  return seedTopics.get(paper.title)!;
}

/** A small taxonomy whose rules are easy to reason about. */
function topic(id: string, phrases: string[], patterns: string[] = [], more: { exclude?: string[]; titlePhrases?: string[] } = {}): Topic {
  return topicSchema.parse({ id, name: id, description: `About ${id}.`, match: { phrases, patterns, ...more } });
}

const filler = 'We study a problem and report results on several datasets.';

describe('content/topics.yaml', () => {
  it('is a taxonomy of 15 to 25 topics with unique, URL-safe ids', () => {
    expect(taxonomy.length).toBeGreaterThanOrEqual(15);
    expect(taxonomy.length).toBeLessThanOrEqual(25);
    const ids = taxonomy.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(encodeURIComponent(id)).toBe(id);
    }
  });

  it('gives every topic a name, a description and at least one rule', () => {
    for (const entry of taxonomy) {
      expect(entry.name.length).toBeGreaterThan(0);
      expect(entry.description).toMatch(/\.$/);
      expect(entry.match.phrases.length + entry.match.patterns.length).toBeGreaterThan(0);
    }
  });
});

describe('topics on the seed digest (71 papers)', () => {
  it('parses all 71 papers', () => {
    expect(seed).toHaveLength(71);
  });

  it('gives every paper between one and three topics', () => {
    for (const [title, topics] of seedTopics) {
      expect(topics.length, title).toBeGreaterThanOrEqual(1);
      expect(topics.length, title).toBeLessThanOrEqual(3);
      expect(new Set(topics).size, title).toBe(topics.length);
    }
  });

  it('lets no topic take more than a third of the papers', () => {
    const counts = new Map<string, number>();
    for (const topics of seedTopics.values()) for (const id of topics) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, count] of counts) expect(count, id).toBeLessThanOrEqual(seed.length / 3);
  });

  it('files the quantization papers under quantization', () => {
    expect(topicsOfSeedPaper('SmoothQuant+')).toContain('quantization');
    expect(topicsOfSeedPaper('SmoothQuant+')[0]).toBe('quantization');
    expect(topicsOfSeedPaper('FlexRound')[0]).toBe('quantization');
    expect(topicsOfSeedPaper('Understanding the Impact of Post-Training Quantization')[0]).toBe('quantization');
  });

  it('files tokenizer papers under tokenization', () => {
    expect(topicsOfSeedPaper('Zero-Shot Tokenizer Transfer')[0]).toBe('tokenization');
    expect(topicsOfSeedPaper('Learn Your Tokens')).toContain('tokenization');
  });

  it('keeps image tokenizers out of text tokenization', () => {
    const flexTok = topicsOfSeedPaper('FlexTok');
    expect(flexTok[0]).toBe('image-generation');
    expect(flexTok).not.toContain('tokenization');
  });

  it('files other clear-cut papers where a reader would look for them', () => {
    expect(topicsOfSeedPaper('Discriminative Class Tokens for Text-to-Image Diffusion')[0]).toBe('diffusion');
    expect(topicsOfSeedPaper('Syntax-Aware On-the-Fly Code Completion')[0]).toBe('code');
    expect(topicsOfSeedPaper("Who's Harry Potter?")[0]).toBe('safety');
    expect(topicsOfSeedPaper('Predictive Data Selection')[0]).toBe('training-data');
    expect(topicsOfSeedPaper('SkipDecode')[0]).toBe('efficient-inference');
    expect(topicsOfSeedPaper('Mixture of Prompt Learning for Vision Language Models')).toEqual(
      expect.arrayContaining(['prompting', 'vision-language']),
    );
  });
});

describe('topics of the shipped taxonomy', () => {
  it('files a benchmark paper under Evaluation next to its much stronger subject', () => {
    const paper = {
      title: 'LongIns: A Challenging Long-context Instruction-based Exam for LLMs',
      abstract:
        'The long-context capabilities of large language models (LLMs) have been a hot topic in recent years. ' +
        'Although LLMs often claim to have context windows of 32k, 128k, 200k, or even longer, these benchmarks fail to ' +
        'reveal the actual supported length. We propose the LongIns benchmark dataset, a challenging long-context ' +
        'instruction-based exam for LLMs. The top-performing GPT-4 with 128k context length performs poorly on the ' +
        'evaluation context window of 16k.',
    };
    expect(assignTopics(matcher, paper)).toEqual(['architectures', 'evaluation']);
  });

  it('files a paper that builds an LLM judge under Evaluation, not Safety', () => {
    const paper = {
      title: 'Learning an Efficient Multi-Turn Dialogue Evaluator from Multiple Judges',
      abstract:
        'Evaluating the conversational abilities of large language models (LLMs) remains a challenging task. Current ' +
        'mainstream approaches rely on the LLM-as-a-judge paradigm. However, such methods often suffer from various ' +
        'biases, which undermine the reliability of the evaluation results.',
    };
    expect(assignTopics(matcher, paper)).toEqual(['evaluation']);
  });

  it('does not file an LLM personalization benchmark under Diffusion', () => {
    const paper = {
      title: 'PersonaFeedback: A Large-scale Human-annotated Benchmark For Personalization',
      abstract:
        'LLM personalization, i.e., how to build LLM systems that can generate personalized responses tailored to ' +
        'distinct user personas, has become an important research problem. We introduce PersonaFeedback, a new ' +
        "benchmark that directly evaluates LLMs' ability to provide personalized responses, and we present an in-depth analysis.",
    };
    expect(assignTopics(matcher, paper)).toEqual(['evaluation']);
  });

  it('keeps Evaluation among three topics when the title asks how good models are', () => {
    // More than three topics qualify; the title's question outranks a topic the abstract only touches.
    const paper = { title: 'LEGO-Puzzles: How Good Are MLLMs at Multi-Step Spatial Reasoning?', abstract: 'Multi-step spatial reasoning entails understanding and reasoning about spatial relationships across multiple sequential steps, which is crucial for tackling complex real-world applications, such as robotic manipulation, autonomous navigation, and automated assembly. To assess how well current Multimodal Large Language Models' };
    expect(assignTopics(matcher, paper)).toEqual(['reasoning', 'vision-language', 'evaluation']);
  });

  it('files video generation under Diffusion too, as readers do', () => {
    const paper = { title: 'Identity-Preserving Text-to-Video Generation by Frequency Decomposition', abstract: 'Identity-preserving text-to-video (IPT2V) generation aims to create high-fidelity videos with consistent human identity. It is an important task in video generation but remains an open problem for generative models. This paper pushes the technical frontier of IPT2V in two directions that have not been resolved in literature:' };
    expect(assignTopics(matcher, paper)).toEqual(['video', 'diffusion']);
  });

  it('files autoregressive image generation under Visual tokenizers, not Diffusion', () => {
    const paper = { title: 'Locality-aware Parallel Decoding for Efficient Autoregressive Image Generation', abstract: 'We present Locality-aware Parallel Decoding (LPD) to accelerate autoregressive image generation. Traditional autoregressive image generation relies on next-patch prediction, a memory-bound process that leads to high latency. Existing works have tried to parallelize next-patch prediction by shifting to multi-patch prediction to' };
    expect(assignTopics(matcher, paper)).toEqual(['image-generation', 'efficient-inference']);
  });

  it('files an omni-modal model under Vision-language models', () => {
    const paper = { title: 'OmniVinci: Enhancing Architecture and Data for Omni-Modal Understanding LLM', abstract: 'Advancing machine intelligence requires developing the ability to perceive across multiple modalities, much as humans sense the world. We introduce OmniVinci, an initiative to build a strong, open-source, omni-modal LLM. We carefully study the design choices across model architecture and data curation. For model architecture,' };
    expect(assignTopics(matcher, paper)).toEqual(['vision-language']);
  });

  it('files a paper that says "Reinforcing" in its title under Reinforcement learning', () => {
    const paper = { title: 'NoisyRollout: Reinforcing Visual Reasoning with Data Augmentation', abstract: 'Recent advances in reinforcement learning (RL) have strengthened the reasoning capabilities of vision-language models (VLMs). However, enhancing policy exploration to more effectively scale test-time compute remains underexplored in VLMs. In addition, VLMs continue to struggle with imperfect visual perception, which in turn' };
    expect(assignTopics(matcher, paper)).toEqual(['vision-language', 'reinforcement-learning', 'reasoning']);
  });

  it('does not read "visual understanding" as a study that seeks to understand models', () => {
    const paper = { title: 'UniWorld: High-Resolution Semantic Encoders for Unified Visual Understanding and Generation', abstract: 'Although existing unified models deliver strong performance on vision-language understanding and text-to-image generation, their models are limited in exploring image perception and manipulation tasks, which are urgently desired by users for wide applications. Recently, OpenAI released their powerful GPT-4o-Image model for comprehensive image perception and manipulation, achieving expressive' };
    expect(assignTopics(matcher, paper)).toEqual(['image-generation']);
  });
});

describe('assignTopics', () => {
  const alphaBeta = compileTopics([topic('alpha', ['alpha']), topic('beta', ['beta'])]);

  it('weighs a title mention above repeated abstract mentions', () => {
    const paper = { title: 'Alpha for everyone', abstract: `${filler} Beta helps. Beta again. Beta once more.` };
    expect(assignTopics(alphaBeta, paper)).toEqual(['alpha']);
  });

  it('weighs the title above the abstract on the real taxonomy', () => {
    const paper = {
      title: 'Post-Training Quantization of Large Language Models',
      abstract: `${filler} We evaluate on a retrieval task and a video task.`,
    };
    expect(assignTopics(matcher, paper)[0]).toBe('quantization');
  });

  it('does not tag a paper for one passing mention next to a real topic', () => {
    const paper = {
      title: 'Speculative decoding with a tiny draft model',
      abstract: `${filler} Speculative decoding makes the KV cache the bottleneck. The method also works with quantization.`,
    };
    const topics = assignTopics(matcher, paper);
    expect(topics[0]).toBe('efficient-inference');
    expect(topics).not.toContain('quantization');
  });

  it('does not let generated keywords, which restate the abstract, decide a topic', () => {
    const paper = { title: 'A study', abstract: `${filler} Alpha and beta.` };
    // Equal evidence: taxonomy order decides, whatever the keywords say.
    expect(assignTopics(alphaBeta, paper)).toEqual(['alpha']);
    expect(assignTopics(alphaBeta, { ...paper, keywords: ['beta'] })).toEqual(['alpha']);
  });

  it('takes other scoring settings, as the quality bench does', () => {
    const paper = { title: 'A study', abstract: `${filler} Alpha and beta.`, keywords: ['beta'] };
    expect(assignTopics(alphaBeta, paper, { ...SCORING, keywordWeight: 2, keywordCap: 6 })).toEqual(['beta']);
  });

  it('keeps a second topic only when it is close to the first', () => {
    const m = compileTopics([topic('alpha', ['alpha', 'aleph']), topic('beta', ['beta', 'vita'])]);
    const close = { title: 'Alpha meets beta', abstract: filler };
    expect(assignTopics(m, close)).toEqual(['alpha', 'beta']);
    // alpha 6 + 4 = 10; beta 2 + 1 = 3 clears the minimum but is under half of alpha.
    const far = { title: 'Alpha and aleph', abstract: `${filler} Alpha, aleph, alpha, aleph. Beta, beta, vita.` };
    expect(assignTopics(m, far)).toEqual(['alpha']);
  });

  it('returns at most three topics', () => {
    const many = compileTopics(['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => topic(id, [id])));
    expect(assignTopics(many, { title: 'a1 a2 a3 a4 a5', abstract: filler })).toEqual(['a1', 'a2', 'a3']);
  });

  it('falls back to the single best topic when no topic has enough evidence', () => {
    const paper = { title: 'A study', abstract: `${filler} It mentions beta once and alpha once, then beta.` };
    expect(assignTopics(alphaBeta, paper)).toEqual(['beta']);
  });

  it('returns no topic when nothing matches', () => {
    expect(assignTopics(alphaBeta, { title: 'A study', abstract: filler })).toEqual([]);
  });

  it('breaks ties by taxonomy order', () => {
    const paper = { title: 'Alpha and beta', abstract: filler };
    expect(assignTopics(alphaBeta, paper)).toEqual(['alpha', 'beta']);
    const betaAlpha = compileTopics([topic('beta', ['beta']), topic('alpha', ['alpha'])]);
    expect(assignTopics(betaAlpha, paper)).toEqual(['beta', 'alpha']);
  });

  it('matches phrases on word boundaries, across hyphen and space variants, and in the plural', () => {
    const m = compileTopics([topic('rag', ['rag']), topic('pre', ['pre-training', 'agent'])]);
    expect(assignTopics(m, { title: 'Fragments of a drag race', abstract: filler })).toEqual([]);
    expect(assignTopics(m, { title: 'RAG at scale', abstract: filler })).toEqual(['rag']);
    expect(assignTopics(m, { title: 'Pretraining', abstract: filler })).toEqual(['pre']);
    expect(assignTopics(m, { title: 'Pre training', abstract: filler })).toEqual(['pre']);
    expect(assignTopics(m, { title: 'Agents', abstract: filler })).toEqual(['pre']);
  });

  it('matches patterns case-insensitively', () => {
    const m = compileTopics([topic('quant', [], ['\\bquantiz\\w*', '\\bint[48]\\b'])]);
    expect(assignTopics(m, { title: 'QUANTIZED models in INT4', abstract: filler })).toEqual(['quant']);
  });

  it('counts a stretch of text once even when several rules match it', () => {
    // One title hit (3) from either rule, not 6: the abstract topic with 4 stays ahead.
    const m = compileTopics([
      topic('other', ['gamma', 'delta']),
      topic('quant', ['quantization'], ['quantiz\\w*']),
    ]);
    const paper = { title: 'Quantization', abstract: `${filler} Gamma, gamma, delta and delta.` };
    expect(assignTopics(m, paper)).toEqual(['other', 'quant']);
  });

  it('depends only on the matcher it is given (a changed taxonomy changes the result)', () => {
    const paper = { title: 'SmoothQuant+: 4-bit weight quantization for LLMs', abstract: filler };
    expect(assignTopics(matcher, paper)).toEqual(['quantization']);

    const renamed = taxonomy.map((entry) => (entry.id === 'quantization' ? { ...entry, id: 'low-precision' } : entry));
    expect(assignTopics(compileTopics(renamed), paper)).toEqual(['low-precision']);

    const without = compileTopics(taxonomy.filter((entry) => entry.id !== 'quantization'));
    expect(assignTopics(without, paper)).not.toContain('quantization');

    // The first matcher is untouched by the others.
    expect(assignTopics(matcher, paper)).toEqual(['quantization']);
  });
});

describe('topicSchema and compileTopics', () => {
  const valid = { id: 'quantization', name: 'Quantization', description: 'Fewer bits.', match: { phrases: ['ptq'] } };

  it('defaults missing phrases and patterns to empty lists', () => {
    const parsed = topicSchema.parse(valid);
    expect(parsed.match.patterns).toEqual([]);
    expect(topicSchema.parse({ ...valid, match: { patterns: ['\\bptq\\b'] } }).match.phrases).toEqual([]);
  });

  it('rejects an invalid regex with a message naming the pattern', () => {
    const result = topicSchema.safeParse({ ...valid, match: { phrases: [], patterns: ['\\bok\\b', 'quantiz(ed'] } });
    expect(result.success).toBe(false);
    const message = result.error!.issues.map((issue) => issue.message).join('\n');
    expect(message).toContain('quantiz(ed');
    expect(message).toMatch(/invalid regex/i);
    expect(result.error!.issues[0]!.path).toEqual(['match', 'patterns', 1]);
  });

  it('rejects a pattern that matches the empty string', () => {
    const result = topicSchema.safeParse({ ...valid, match: { patterns: ['x*'] } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toContain('"x*"');
  });

  it('rejects ids that are not URL-safe', () => {
    for (const id of ['Quantization', 'efficient inference', 'ünïcode', 'a/b', '']) {
      expect(topicSchema.safeParse({ ...valid, id }).success, id).toBe(false);
    }
    expect(topicSchema.safeParse({ ...valid, id: 'vision-language-2' }).success).toBe(true);
  });

  it('rejects a topic with no rules', () => {
    expect(topicSchema.safeParse({ ...valid, match: {} }).success).toBe(false);
  });

  it('refuses a taxonomy with a duplicate id', () => {
    const twice = topicSchema.parse(valid);
    expect(() => compileTopics([twice, twice])).toThrow(/duplicate topic id "quantization"/);
  });

  it('refuses an unvalidated bad pattern with a message naming it', () => {
    const bad = { ...topicSchema.parse(valid), match: { phrases: [], patterns: ['[a-'], exclude: [], titlePhrases: [] } };
    expect(() => compileTopics([bad])).toThrow(/\[a-/);
  });

  it('keeps patterns with capture groups and backreferences working inside the combined matcher', () => {
    const m = compileTopics([
      topic('groups', ['first phrase'], ['(a)(b)c', '\\b(\\w)\\1x\\b', '(?<n>zz)y']),
      topic('other', ['other', 'another']),
    ]);
    expect(assignTopics(m, { title: 'aax', abstract: filler })).toEqual(['groups']);
    expect(assignTopics(m, { title: 'zzy', abstract: filler })).toEqual(['groups']);
    // Two distinct rules (6) tie with other's two phrases, so taxonomy order puts groups first; a wrong
    // group-to-rule mapping would count them as one rule (3) and put other first.
    expect(assignTopics(m, { title: 'other, another, abc, zzy', abstract: filler })).toEqual(['groups', 'other']);
  });
});

describe('exclude phrases', () => {
  const languages = compileTopics([
    topic('multilingual', ['multilingual'], ['\\btranslat\\w*'], { exclude: ['image-to-image translation', 'video-to-videos translation'] }),
    topic('images', ['image']),
  ]);

  it('keep "image-to-image translation" from counting as language translation (issue 13)', () => {
    const paper = { title: 'Class-Conditioned Image-to-Image Translation', abstract: `${filler} Image-to-image translation helps.` };
    expect(assignTopics(languages, paper)).toEqual(['images']);
  });

  it('cut only the excluded stretch: the rest of the text still counts', () => {
    const paper = { title: 'Image-to-image translation meets machine translation', abstract: filler };
    expect(assignTopics(languages, paper)).toContain('multilingual');
  });

  it('follow the phrase rules: hyphens, spaces and case are alike, and a trailing plural matches', () => {
    const paper = { title: 'Video To Videos Translation and IMAGE TO IMAGE translations', abstract: filler };
    expect(assignTopics(languages, paper)).not.toContain('multilingual');
  });

  it('do not join the words around a cut into a new hit', () => {
    const joined = compileTopics([topic('alpha', ['alpha beta'], [], { exclude: ['gamma'] })]);
    expect(assignTopics(joined, { title: 'alpha gamma beta', abstract: filler })).toEqual([]);
  });

  it('are refused when they have no letter or digit', () => {
    expect(() => topic('alpha', ['alpha'], [], { exclude: ['--'] })).toThrow(/letter or digit/);
  });
});

describe('title phrases', () => {
  const evaluation = compileTopics([topic('evaluation', ['leaderboard'], [], { titlePhrases: ['benchmark', 'evaluating'] }), topic('alpha', ['alpha'])]);

  it('name the topic in a title', () => {
    expect(assignTopics(evaluation, { title: 'AlphaBench: a Benchmark for alpha', abstract: filler })).toEqual(['evaluation', 'alpha']);
  });

  it('count nothing in the abstract, where every paper reports benchmarks', () => {
    const paper = { title: 'Better alpha', abstract: `${filler} We evaluate on the benchmark, benchmarks and more benchmarks.` };
    expect(assignTopics(evaluation, paper)).toEqual(['alpha']);
  });

  it('count once together, however many a title holds', () => {
    // Counted once, evaluation scores what alpha's one title hit does, and both are assigned;
    // counted twice, it would score double, and alpha would fall under the runner-up ratio.
    const paper = { title: 'Evaluating a benchmark of alpha', abstract: filler };
    expect(assignTopics(evaluation, paper, { ...SCORING, runnerUpRatio: 0.75 }).sort()).toEqual(['alpha', 'evaluation']);
  });

  it('keep the topic next to a much stronger first topic, since the title says the paper is a benchmark', () => {
    // alpha scores 3 in the title and 4 in the abstract; evaluation's 3 is under half of that, which drops it
    // when "bench" is an ordinary phrase.
    const paper = { title: 'A bench of alpha models', abstract: `${filler} Alpha, alpha. Alpha-alpha. Alpha again.` };
    const plain = compileTopics([topic('evaluation', ['bench']), topic('alpha', ['alpha', 'alpha models', 'alpha-alpha', 'alpha again'])]);
    const withTitlePhrase = compileTopics([
      topic('evaluation', ['leaderboard'], [], { titlePhrases: ['bench'] }),
      topic('alpha', ['alpha', 'alpha models', 'alpha-alpha', 'alpha again']),
    ]);
    expect(assignTopics(plain, paper)).toEqual(['alpha']);
    expect(assignTopics(withTitlePhrase, paper)).toEqual(['alpha', 'evaluation']);
  });

  it('keep the topic among the three kept when more qualify, ahead of a topic only the abstract names', () => {
    const paper = { title: 'An alpha bench for beta and gamma', abstract: `${filler} Delta, delta again; delta-delta.` };
    const four = compileTopics([
      topic('alpha', ['alpha']),
      topic('beta', ['beta']),
      topic('gamma', ['gamma']),
      topic('delta', ['delta', 'delta again', 'delta-delta']),
      topic('evaluation', ['leaderboard'], [], { titlePhrases: ['bench'] }),
    ]);
    // Every topic scores 3; delta's 3 comes from the abstract alone and gives way to the title phrase's.
    expect(assignTopics(four, paper)).toEqual(['alpha', 'beta', 'evaluation']);
  });

  it('name the topic at the end of a CamelCase name, but not inside a lowercase word', () => {
    const bench = compileTopics([topic('evaluation', ['leaderboard'], [], { titlePhrases: ['bench'] }), topic('alpha', ['alpha'])]);
    expect(assignTopics(bench, { title: 'PokerBench: Training alpha models to play poker', abstract: filler })).toEqual(['evaluation', 'alpha']);
    expect(assignTopics(bench, { title: 'An alpha workbench for poker', abstract: filler })).toEqual(['alpha']);
  });

  it('give the same answer for every title in turn (the shared regex keeps no state)', () => {
    const paper = { title: 'A benchmark', abstract: filler };
    expect(assignTopics(evaluation, paper)).toEqual(['evaluation']);
    expect(assignTopics(evaluation, paper)).toEqual(['evaluation']);
  });
});
