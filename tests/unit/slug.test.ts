import { describe, it, expect } from 'vitest';
import slugify from '@sindresorhus/slugify';
import { SLUG_PATTERN, slugFromTitle, uniqueSlug } from '#/lib/slug.ts';
import { SEED_PAPERS } from '../import/helpers.ts';

const ONLY_SLUG_CHARS = /^[a-z0-9-]+$/;

function expectValidSlug(slug: string): void {
  expect(slug).toMatch(ONLY_SLUG_CHARS);
  expect(slug).toMatch(SLUG_PATTERN); // no leading, trailing or doubled hyphens
  expect(slug.length).toBeGreaterThan(0);
  expect(slug.length).toBeLessThanOrEqual(80);
}

describe('slugFromTitle', () => {
  it('gives a valid slug of at most 80 characters for every seed title', () => {
    for (const { title } of SEED_PAPERS) expectValidSlug(slugFromTitle(title));
  });

  it('cuts long slugs at a word boundary: the slug is whole words of the full slug', () => {
    let cut = 0;
    for (const { title } of SEED_PAPERS) {
      const slug = slugFromTitle(title);
      const full = slugify(title, { decamelize: false });
      if (full === slug) continue;
      cut++;
      expect(full.startsWith(`${slug}-`), `${slug} is not whole words of ${full}`).toBe(true);
    }
    expect(cut).toBeGreaterThan(10);
  });

  it('keeps as many whole words as fit in 80 characters', () => {
    const slug = slugFromTitle('word '.repeat(40));
    expect(slug).toBe(Array(16).fill('word').join('-'));
    expect(slug).toHaveLength(79);
    // A word that would end exactly at character 80 is kept.
    const exact = `${'a'.repeat(39)} ${'b'.repeat(40)} tail`;
    expect(slugFromTitle(exact)).toBe(`${'a'.repeat(39)}-${'b'.repeat(40)}`);
  });

  it('hard-cuts a single word longer than 80 characters, without a trailing hyphen', () => {
    expect(slugFromTitle('x'.repeat(120))).toBe('x'.repeat(80));
    const slug = slugFromTitle(`${'y'.repeat(79)} and more`);
    expectValidSlug(slug);
    expect(slug).toBe('y'.repeat(79));
  });

  it('is stable: the same title always gives the same slug, and the shipped slugs do not move', () => {
    for (const { title } of SEED_PAPERS) expect(slugFromTitle(title)).toBe(slugFromTitle(title));
    expect(slugFromTitle('Post-Training Sparse Attention with Double Sparsity')).toBe(
      'post-training-sparse-attention-with-double-sparsity',
    );
    expect(slugFromTitle('Reasoning to Attend: Try to Understand How <SEG> Token Works')).toBe(
      'reasoning-to-attend-try-to-understand-how-seg-token-works',
    );
    // decamelize is off: SmoothQuant stays one word.
    expect(slugFromTitle('SmoothQuant+: Accurate and Efficient 4-bit Post-Training WeightQuantization for LLM')).toBe(
      'smoothquant-accurate-and-efficient-4-bit-post-training-weightquantization-for',
    );
  });

  it('transliterates non-ASCII letters', () => {
    expect(slugFromTitle('Über Café Ωmega Привет Łódź Straße')).toBe('ueber-cafe-omega-privet-lodz-strasse');
    expect(slugFromTitle('Ça va? Ærøskøbing Þór')).toBe('ca-va-aeroskobing-thor');
    // Decomposed input gives the same slug as composed input.
    expect(slugFromTitle('Cafe\u0301 Models')).toBe(slugFromTitle('Caf\u00e9 Models'));
  });

  // BUG (reported): ligatures, common in titles copied from PDFs, are dropped instead of
  // transliterated: "Eﬃcient" slugifies to "e-cient" (slug.ts does no NFKC before slugify).
  it('transliterates typographic ligatures (titles copied from PDFs)', () => {
    expect(slugFromTitle('Eﬃcient Fine-Tuning')).toBe('efficient-fine-tuning');
    expect(slugFromTitle('Deﬁning Eﬀective Prompts')).toBe('defining-effective-prompts');
  });

  it('gives a valid slug for titles with no letters or digits it can keep', () => {
    for (const title of ['!!!', '∑∫∂', '🤖🚀', '東京', '— … —', '', '   ']) expectValidSlug(slugFromTitle(title));
  });

  it('drops punctuation and symbols without leaving doubled or edge hyphens', () => {
    expect(slugFromTitle('  --Leading-- and   trailing!!--  ')).toBe('leading-and-trailing');
    expect(slugFromTitle('GPT-4o: 2× Faster — “Quoted” Models?')).toBe('gpt-4o-2-faster-quoted-models');
  });
});

describe('uniqueSlug', () => {
  const taken = (...slugs: string[]) => (candidate: string) => slugs.includes(candidate);

  it('keeps a free slug as it is', () => {
    expect(uniqueSlug('attentive-mask-clip', taken())).toBe('attentive-mask-clip');
    expect(uniqueSlug('attentive-mask-clip', taken('other'))).toBe('attentive-mask-clip');
  });

  it('suffixes -2, then -3, skipping suffixes already taken', () => {
    expect(uniqueSlug('paper', taken('paper'))).toBe('paper-2');
    expect(uniqueSlug('paper', taken('paper', 'paper-2'))).toBe('paper-3');
    expect(uniqueSlug('paper', taken('paper', 'paper-2', 'paper-3', 'paper-5'))).toBe('paper-4');
  });

  it('gives valid slugs when suffixing a slug of the maximum length', () => {
    const long = slugFromTitle('x'.repeat(120));
    const suffixed = uniqueSlug(long, taken(long));
    expect(suffixed).toBe(`${long}-2`);
    expect(suffixed).toMatch(SLUG_PATTERN);
  });
});
