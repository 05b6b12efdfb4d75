import { describe, it, expect } from 'vitest';
import { computeRelated, type RelatedInput } from '#/lib/related.ts';

// Four subjects, three papers each. Each paper uses its subject's vocabulary
// in its own words, plus the usual abstract boilerplate.
const CORPUS: (RelatedInput & { subject: string })[] = [
  {
    subject: 'quantization',
    id: 'q1',
    title: 'Post-Training Quantization of Large Language Models to 4-bit Weights',
    text: 'We propose a post-training quantization method that compresses weights to 4-bit integers. Outlier channels are rescaled before rounding, which keeps perplexity close to the fp16 baseline while halving memory.',
  },
  {
    subject: 'quantization',
    id: 'q2',
    title: 'Outlier-Aware Low-Bit Quantization for Efficient Inference',
    text: 'Activation outliers make low-bit quantization hard. We present an outlier-aware scheme with per-channel scales for weights and activations, achieving int4 and int8 inference with small perplexity loss.',
  },
  {
    subject: 'quantization',
    id: 'q3',
    title: 'Rounding Matters: Learned Rounding for Weight Quantization',
    text: 'Rounding each weight to the nearest integer is suboptimal. Our learned rounding reduces quantization error for 3-bit and 4-bit weights and improves perplexity of compressed language models.',
  },
  {
    subject: 'tokenizers',
    id: 't1',
    title: 'Byte-Level BPE Tokenizers for Multilingual Text',
    text: 'Byte pair encoding merges frequent byte sequences into a vocabulary of subword tokens. We study how tokenizer vocabulary size affects multilingual text compression and fertility.',
  },
  {
    subject: 'tokenizers',
    id: 't2',
    title: 'Tokenizer-Free Language Modeling with Byte Patches',
    text: 'Subword tokenizers fragment rare words and non-Latin scripts. We replace the tokenizer with dynamic byte patches and match BPE vocabulary baselines on multilingual text.',
  },
  {
    subject: 'tokenizers',
    id: 't3',
    title: 'How Vocabulary Size Shapes Subword Tokenization',
    text: 'We train tokenizers with BPE and unigram algorithms at several vocabulary sizes and measure fertility, byte compression and downstream accuracy across scripts.',
  },
  {
    subject: 'diffusion',
    id: 'd1',
    title: 'Denoising Diffusion for High-Resolution Image Synthesis',
    text: 'Diffusion models generate images by iteratively denoising Gaussian noise. We introduce a latent denoising schedule that improves image synthesis quality at high resolution with fewer sampling steps.',
  },
  {
    subject: 'diffusion',
    id: 'd2',
    title: 'Fast Sampling for Latent Diffusion Models',
    text: 'Sampling from diffusion models needs many denoising steps. Our distilled sampler reduces the number of steps to four while preserving image quality of latent diffusion.',
  },
  {
    subject: 'diffusion',
    id: 'd3',
    title: 'Guidance Schedules for Text-to-Image Diffusion',
    text: 'Classifier-free guidance trades diversity for fidelity in text-to-image diffusion. We vary guidance across denoising steps and obtain better image synthesis with the same sampler.',
  },
  {
    subject: 'robotics',
    id: 'r1',
    title: 'Learning Dexterous Grasping from Human Videos',
    text: 'We train a robot manipulation policy for dexterous grasping from human demonstration videos, transferring hand poses to a robotic gripper in the real world.',
  },
  {
    subject: 'robotics',
    id: 'r2',
    title: 'Sim-to-Real Transfer for Robot Manipulation Policies',
    text: 'Policies trained in simulation fail on real robots. Domain randomization of object friction and camera pose lets our manipulation policy grasp unseen objects with a real gripper.',
  },
  {
    subject: 'robotics',
    id: 'r3',
    title: 'Language-Conditioned Robot Policies for Household Manipulation',
    text: 'A robot follows language instructions to perform household manipulation. The policy is trained on teleoperated demonstrations and grasps objects with a parallel gripper.',
  },
];

const subjectOf = new Map(CORPUS.map((d) => [d.id, d.subject]));
const corpus: RelatedInput[] = CORPUS.map(({ id, title, text }) => ({ id, title, text }));

describe('computeRelated', () => {
  it("puts papers on the same subject at the top of each other's lists", () => {
    const related = computeRelated(corpus);
    for (const doc of CORPUS) {
      const list = related.get(doc.id) ?? [];
      expect(list.length, doc.id).toBeGreaterThanOrEqual(2);
      // Both other papers on the subject come before anything else.
      expect(list.slice(0, 2).map((id) => subjectOf.get(id)), doc.id).toEqual([doc.subject, doc.subject]);
    }
  });

  it('never relates a paper to itself', () => {
    for (const [id, list] of computeRelated(corpus)) expect(list).not.toContain(id);
  });

  it('returns at most `limit` ids, without repeats, 5 by default', () => {
    for (const list of computeRelated(corpus).values()) {
      expect(list.length).toBeLessThanOrEqual(5);
      expect(new Set(list).size).toBe(list.length);
    }
    for (const list of computeRelated(corpus, { limit: 1 }).values()) expect(list.length).toBeLessThanOrEqual(1);
    for (const list of computeRelated(corpus, { limit: 0 }).values()) expect(list).toEqual([]);
  });

  it('fills up to `limit` when there are enough related papers', () => {
    const related = computeRelated(corpus, { limit: 2 });
    for (const doc of CORPUS) expect(related.get(doc.id)).toHaveLength(2);
  });

  it('preserves ids: one entry per input paper, in input order, pointing only at input papers', () => {
    const related = computeRelated(corpus);
    expect([...related.keys()]).toEqual(corpus.map((d) => d.id));
    const ids = new Set(corpus.map((d) => d.id));
    for (const list of related.values()) for (const id of list) expect(ids.has(id)).toBe(true);
  });

  it('is deterministic and independent of input order', () => {
    const a = computeRelated(corpus);
    const b = computeRelated(corpus);
    const shuffled = [...corpus].sort((x, y) => x.title.localeCompare(y.title));
    expect(shuffled.map((d) => d.id)).not.toEqual(corpus.map((d) => d.id));
    const c = computeRelated(shuffled);
    expect([...b]).toEqual([...a]);
    for (const [id, list] of a) expect(c.get(id)).toEqual(list);
  });

  it('gives an empty list to a paper that shares no terms with any other', () => {
    const related = computeRelated([
      ...corpus,
      { id: 'lonely', title: 'Glacier Calving Seismology', text: 'Icebergs detach from Greenland fjords; seismometers record calving tremors.' },
    ]);
    expect(related.get('lonely')).toEqual([]);
    for (const [id, list] of related) if (id !== 'lonely') expect(list).not.toContain('lonely');
  });

  it('does not relate papers that share only stop words and abstract boilerplate', () => {
    const boilerplate =
      'In this paper we propose a novel approach. Extensive experiments show that our method achieves state-of-the-art results and significantly outperforms existing work.';
    const related = computeRelated([
      { id: 'a', title: 'On Volcanic Ash', text: `${boilerplate} Volcanic ash plumes disrupt aviation.` },
      { id: 'b', title: 'On Coral Bleaching', text: `${boilerplate} Coral reefs bleach under marine heatwaves.` },
      { id: 'c', title: 'On Medieval Manuscripts', text: `${boilerplate} Parchment palimpsests hide erased texts.` },
    ]);
    for (const list of related.values()) expect(list).toEqual([]);
  });

  it('does not relate papers through URLs, markdown link targets, LaTeX commands or numbers', () => {
    const related = computeRelated([
      {
        id: 'x',
        title: 'Volcanic Ash Plumes',
        text: 'Plume height $\\mathbf{h} \\approx 2024$ from [ashfall](https://example.org/lab/repo-toolkit), <a href="https://lab.example.org/atlas">eruption</a> &amp; 1234 https://zenodo.org/records/archive.',
      },
      {
        id: 'y',
        title: 'Coral Reef Bleaching',
        text: 'Bleaching index $\\mathbf{b} \\approx 2024$ via [heatwave](https://example.org/lab/repo-toolkit), <a href="https://lab.example.org/atlas">lagoon</a> &amp; 1234 https://zenodo.org/records/archive.',
      },
      { id: 'z', title: 'Medieval Palimpsests', text: 'Erased parchment texts recovered by multispectral imaging.' },
    ]);
    for (const list of related.values()) expect(list).toEqual([]);
  });

  it('matches words regardless of case, accents and plural form', () => {
    const related = computeRelated([
      { id: 'a', title: 'Schrödinger Bridges', text: 'Entropic transport with SCHRÖDINGER bridges.' },
      { id: 'b', title: 'Neural Schrodinger Bridge Solvers', text: 'Solving a schrodinger bridge with neural networks.' },
      { id: 'c', title: 'Glacier Calving', text: 'Icebergs detach from fjords.' },
      { id: 'd', title: 'Coral Bleaching', text: 'Reefs bleach under heatwaves.' },
    ]);
    expect(related.get('a')).toEqual(['b']);
    expect(related.get('b')).toEqual(['a']);
  });

  it('is symmetric on a corpus of duplicates: each copy lists its twin first, and vice versa', () => {
    const doubled: RelatedInput[] = corpus.flatMap((d) => [d, { ...d, id: `${d.id}-copy` }]);
    const related = computeRelated(doubled);
    for (const doc of corpus) {
      const copy = `${doc.id}-copy`;
      expect(related.get(doc.id)?.[0]).toBe(copy);
      expect(related.get(copy)?.[0]).toBe(doc.id);
    }
    // Beyond the twins, lists of identical papers agree too (ties break by id).
    for (const doc of corpus) {
      const mine = (related.get(doc.id) ?? []).slice(1);
      const theirs = (related.get(`${doc.id}-copy`) ?? []).slice(1);
      expect(theirs).toEqual(mine);
    }
  });

  it('handles empty and single-paper input', () => {
    expect(computeRelated([]).size).toBe(0);
    expect([...computeRelated([corpus[0]!])]).toEqual([[corpus[0]!.id, []]]);
  });

  it('rejects duplicate ids instead of relating a paper to itself', () => {
    expect(() => computeRelated([corpus[0]!, { ...corpus[1]!, id: corpus[0]!.id }])).toThrow(/duplicate id/);
  });

  it('respects termsPerDoc without losing same-subject matches', () => {
    const related = computeRelated(corpus, { termsPerDoc: 6 });
    for (const doc of CORPUS) expect(subjectOf.get(related.get(doc.id)?.[0] ?? ''), doc.id).toBe(doc.subject);
  });
});

describe('the terms papers are related by', () => {
  it('fold case, accents and plurals, and leave out stop words and numbers', () => {
    const related = computeRelated(
      [
        { id: 'plural', title: 'Tokenizers for the Café', text: 'We propose policies.' },
        { id: 'singular', title: 'A tokenizer at a cafe', text: 'A policy.' },
        { id: 'filler', title: 'We propose the 2024 one', text: 'For the 2024, we propose it.' },
        { id: 'other', title: 'Graph diffusion of molecules', text: 'Molecules as graphs.' },
      ],
      { limit: 3 },
    );
    expect(related.get('plural')?.[0]).toBe('singular');
    expect(related.get('filler') ?? []).not.toContain('plural');
  });
});
