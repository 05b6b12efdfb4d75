import { describe, expect, it } from 'vitest';
import { buildSiteModel, type SiteSources } from '#/lib/site-model.ts';
import { toBibtex } from '#/lib/bibtex.ts';
import { compileTopics, type Topic } from '#/lib/topics.ts';
import { automaticTopics } from '#/lib/topic-model.ts';
import { loadedPaper } from '../helpers/site-sources.ts';

const topic = (id: string, phrase: string): { id: string; data: Topic } => ({
  id,
  data: { id, name: `${phrase} name`, description: `About ${phrase}.`, match: { phrases: [phrase], patterns: [], exclude: [], titlePhrases: [] } },
});

const taxonomy = [topic('quantization', 'quantization'), topic('tokenization', 'tokenizer')];

function sources(topics = taxonomy, quantAbstract = 'We study quantization of weights.'): SiteSources {
  const paper = (id: string, frontMatter: Parameters<typeof loadedPaper>[1], abstract: string) =>
    loadedPaper(id, frontMatter, abstract, topics.map((entry) => entry.data));
  return {
    topics,
    papers: [
      paper('quant', { title: 'Better quantization' }, quantAbstract),
      paper('tok', { title: 'A new tokenizer' }, 'A tokenizer for many languages.'),
      paper('manual', { title: 'Quantization, filed by hand', topics: ['tokenization'] }, 'Quantization again.'),
      paper('orphan', { title: 'Not in any digest' }, 'Nothing.'),
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
    input.papers = [...input.papers, loadedPaper('dr3', { title: 'DR^{3}-Eval: \\textbf{When do skills help}' }, 'Skills.', [])];
    const paper = buildSiteModel(input, options).papers.get('dr3')!;
    expect(paper.titleHtml).toBe('DR<sup>3</sup>-Eval: <strong>When do skills help</strong>');
    expect(paper.titleText).toBe('DR³-Eval: When do skills help');
    expect(toBibtex({ title: paper.data.title, date: '2026-03-14', url: 'https://example.org/' })).toContain('DR^{3}-Eval');
  });

  it('renders the TeX of a TL;DR as it does a title (Hugging Face: "VA-$\\pi$ optimizes…")', () => {
    const input = sources();
    input.papers = [...input.papers, loadedPaper('vapi', { title: 'VA-π', tldr: 'VA-$\\pi$ optimizes with 40-60\\% less.' }, 'Policy.', [])];
    const { tldrHtml } = buildSiteModel(input, options).papers.get('vapi')!;
    expect(tldrHtml).toContain('40-60% less.');
    expect(tldrHtml).not.toContain('$');
    expect(tldrHtml).toContain('<mi>π</mi>');
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

  it('files papers under the topics the loader assigned from the taxonomy it saw', () => {
    const changed = [topic('weights', 'weights'), topic('tokenization', 'tokenizer')];
    expect(buildSiteModel(sources(changed), options).papers.get('quant')!.topics.map((t) => t.id)).toEqual(['weights']);
  });

  it('uses the topics the paper loader cached, hand-set topics winning over them', () => {
    const cached = sources();
    // The loader's assignment stands, even where assigning now would differ (it saw another taxonomy).
    cached.papers[0]!.rendered!.metadata!['topics'] = ['tokenization'];
    // Hand-set topics still win over a cached assignment.
    cached.papers[2]!.rendered!.metadata!['topics'] = ['quantization'];
    const model = buildSiteModel(cached, options);
    expect(model.papers.get('quant')!.topics.map((t) => t.id)).toEqual(['tokenization']);
    expect(model.papers.get('manual')!.topics.map((t) => t.id)).toEqual(['tokenization']);
    expect(model.papers.get('orphan')!.topics).toEqual([]);
  });

  it('stops on a paper entry the paper loader did not render, naming its file', () => {
    const unrendered = sources();
    delete unrendered.papers[1]!.rendered;
    expect(() => buildSiteModel(unrendered, options)).toThrow(/content\/papers\/tok\.md: abstract: not rendered/);
  });

  it('assigns what automaticTopics gives, as the paper loader caches it', () => {
    const input = sources();
    const tagger = { matcher: compileTopics(input.topics.map((entry) => entry.data)), model: undefined };
    const model = buildSiteModel(input, options);
    for (const entry of input.papers.filter((paper) => !paper.data.topics)) {
      const paper = model.papers.get(entry.id)!;
      expect(paper.topics.map((t) => t.id)).toEqual(automaticTopics(tagger, entry.data, paper.abstractText));
    }
    expect(automaticTopics(tagger, { title: 'Tokenizer', keywords: ['quantization'] }, 'A tokenizer.')).toEqual(['tokenization']);
  });

  it('renders abstracts and cuts excerpts at a word boundary', () => {
    const quant = buildSiteModel(sources(), options).papers.get('quant')!;
    expect(quant.abstractHtml).toBe('<p>We study quantization of weights.</p>');
    expect(buildSiteModel(sources(taxonomy, 'word '.repeat(30)), options).papers.get('quant')!.excerpt).toMatch(/^(word ){5,7}word…$/);
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
