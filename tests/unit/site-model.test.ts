import { describe, expect, it } from 'vitest';
import { buildSiteModel, type SiteSources } from '../../src/lib/site-model.ts';
import { toBibtex } from '../../src/lib/bibtex.ts';
import { automaticTopics, compileTopics, type Topic } from '../../src/lib/topics.ts';

const topic = (id: string, phrase: string): { id: string; data: Topic } => ({
  id,
  data: { id, name: `${phrase} name`, description: `About ${phrase}.`, match: { phrases: [phrase], patterns: [], exclude: [], titlePhrases: [] } },
});

function sources(): SiteSources {
  return {
    topics: [topic('quantization', 'quantization'), topic('tokenization', 'tokenizer')],
    papers: [
      { id: 'quant', data: { title: 'Better quantization' }, body: 'We study quantization of weights.' },
      { id: 'tok', data: { title: 'A new tokenizer' }, body: 'A tokenizer for many languages.' },
      { id: 'manual', data: { title: 'Quantization, filed by hand', topics: ['tokenization'] }, body: 'Quantization again.' },
      { id: 'orphan', data: { title: 'Not in any digest' }, body: 'Nothing.' },
    ],
    digests: [
      { id: '2026-03-13', data: { date: '2026-03-13', papers: ['tok', 'quant'] } },
      { id: '2026-03-14', data: { date: '2026-03-14', papers: ['manual', 'quant'], upvotes: { quant: 9 } } },
    ],
  };
}

const options = { excerptLength: 40, relatedPapers: 5 };

describe('buildSiteModel', () => {
  it('gives each paper its title as HTML and as plain text, TeX rendered (issue 13: DR^{3}-Eval), BibTeX keeping the LaTeX', () => {
    const input = sources();
    input.papers = [...input.papers, { id: 'dr3', data: { title: 'DR^{3}-Eval: \\textbf{When do skills help}' }, body: 'Skills.' }];
    const paper = buildSiteModel(input, options).papers.get('dr3')!;
    expect(paper.titleHtml).toBe('DR<sup>3</sup>-Eval: <strong>When do skills help</strong>');
    expect(paper.titleText).toBe('DR³-Eval: When do skills help');
    expect(toBibtex({ title: paper.data.title, date: '2026-03-14', url: 'https://example.org/' })).toContain('DR^{3}-Eval');
  });

  it('orders digests newest first and links each to its neighbours', () => {
    const model = buildSiteModel(sources(), options);
    expect(model.digests.map((digest) => digest.date)).toEqual(['2026-03-14', '2026-03-13']);
    expect(model.digests[0]!.older?.date).toBe('2026-03-13');
    expect(model.digests[1]!.newer?.date).toBe('2026-03-14');
    expect(model.digests[0]!.items.map((item) => [item.paper.slug, item.rank, item.upvotes])).toEqual([
      ['manual', 1, undefined],
      ['quant', 2, 9],
    ]);
  });

  it('gives a paper listed on two days one entry with both days, newest first', () => {
    const quant = buildSiteModel(sources(), options).papers.get('quant')!;
    expect(quant.appearances.map((appearance) => [appearance.digest.date, appearance.rank])).toEqual([
      ['2026-03-14', 2],
      ['2026-03-13', 2],
    ]);
  });

  it('orders papers by their newest digest, then rank, with papers in no digest last', () => {
    const model = buildSiteModel(sources(), options);
    expect(model.papersByRecency.map((paper) => paper.slug)).toEqual(['manual', 'quant', 'tok', 'orphan']);
  });

  it('tags papers from the taxonomy, and manual topics replace the automatic ones', () => {
    const model = buildSiteModel(sources(), options);
    expect(model.papers.get('quant')!.topics.map((t) => t.id)).toEqual(['quantization']);
    expect(model.papers.get('manual')!.topics.map((t) => t.id)).toEqual(['tokenization']);
    expect(model.topicsById.get('tokenization')!.papers.map((paper) => paper.slug)).toEqual(['manual', 'tok']);
  });

  it('re-tags every paper when the taxonomy changes, with no re-import', () => {
    const changed = sources();
    changed.topics = [topic('weights', 'weights'), topic('tokenization', 'tokenizer')];
    expect(buildSiteModel(changed, options).papers.get('quant')!.topics.map((t) => t.id)).toEqual(['weights']);
  });

  it('uses the topics the paper loader cached, and computes them for entries without', () => {
    const cached = sources();
    // The loader's assignment stands, even where assigning now would differ (it saw another taxonomy).
    cached.papers[0]!.rendered = { html: '<p>We study quantization of weights.</p>', metadata: { text: 'We study quantization of weights.', topics: ['tokenization'] } };
    // Hand-set topics still win over a cached assignment.
    cached.papers[2]!.rendered = { html: '<p>Quantization again.</p>', metadata: { text: 'Quantization again.', topics: ['quantization'] } };
    // A cache without topics (or with something else there) falls back to assigning them.
    cached.papers[1]!.rendered = { html: '<p>A tokenizer for many languages.</p>', metadata: { text: 'A tokenizer for many languages.', topics: 'nonsense' } };
    const model = buildSiteModel(cached, options);
    expect(model.papers.get('quant')!.topics.map((t) => t.id)).toEqual(['tokenization']);
    expect(model.papers.get('manual')!.topics.map((t) => t.id)).toEqual(['tokenization']);
    expect(model.papers.get('tok')!.topics.map((t) => t.id)).toEqual(['tokenization']);
    expect(model.papers.get('orphan')!.topics).toEqual([]);
  });

  it('assigns what automaticTopics gives, as the paper loader caches it', () => {
    const input = sources();
    const matcher = compileTopics(input.topics.map((entry) => entry.data));
    const model = buildSiteModel(input, options);
    for (const entry of input.papers.filter((paper) => !paper.data.topics)) {
      const paper = model.papers.get(entry.id)!;
      expect(paper.topics.map((t) => t.id)).toEqual(automaticTopics(matcher, entry.data, paper.abstractText));
    }
    expect(automaticTopics(matcher, { title: 'Tokenizer', keywords: ['quantization'] }, 'A tokenizer.')).toEqual(['tokenization']);
  });

  it('renders abstracts and cuts excerpts at a word boundary', () => {
    const quant = buildSiteModel(sources(), options).papers.get('quant')!;
    expect(quant.abstractHtml).toBe('<p>We study quantization of weights.</p>');
    const long = sources();
    long.papers[0]!.body = 'word '.repeat(30);
    expect(buildSiteModel(long, options).papers.get('quant')!.excerpt).toMatch(/^(word ){5,7}word…$/);
  });

  it.each([
    ['a digest naming a missing paper', (s: SiteSources) => (s.digests[0]!.data.papers = ['tok', 'ghost']), /2026-03-13\.yaml: papers\[1\]: no paper "ghost"/],
    ['a paper listed twice in a day', (s: SiteSources) => (s.digests[0]!.data.papers = ['tok', 'tok']), /papers\[1\]: "tok" is listed twice/],
    ['an unknown topic id', (s: SiteSources) => (s.papers[0]!.data.topics = ['astrology']), /quant\.md: topics\[0\]: unknown topic "astrology"/],
    ['a digest whose date is not its file name', (s: SiteSources) => (s.digests[0]!.data.date = '2026-03-12'), /2026-03-13\.yaml: date: 2026-03-12 does not match/],
    ['no taxonomy', (s: SiteSources) => (s.topics = []), /topics\.yaml: topics: no topics/],
  ])('stops on %s, naming the file and field', (_, breakIt, message) => {
    const broken = sources();
    breakIt(broken);
    expect(() => buildSiteModel(broken, options)).toThrow(message);
  });
});

describe('toBibtex', () => {
  it('keeps the title\'s LaTeX (math, commands, braces), escapes the characters importers unescaped, and protects the title case', () => {
    const entry = toBibtex({
      title: 'Less is 50% More: {Braces} & $Math$ under_scores',
      authors: ['Ada Lovelace', 'Alan Turing'],
      arxiv: '2403.01234',
      date: '2026-03-14',
      url: 'https://arxiv.org/abs/2403.01234',
    });
    expect(entry).toContain('title = {{Less is 50\\% More: {Braces} \\& $Math$ under\\_scores}}');
    expect(toBibtex({ title: 'Unbalanced } brace', date: '2026-03-14', url: 'https://example.org/' })).toContain('title = {{Unbalanced \\} brace}}');
    expect(entry).toContain('author = {Ada Lovelace and Alan Turing}');
    expect(entry).toMatch(/^@misc\{lovelace2026less,/);
    expect(entry).toContain('eprint = {2403.01234}');
  });
});
