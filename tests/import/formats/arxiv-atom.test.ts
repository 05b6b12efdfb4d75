/**
 * Importing an arXiv API export (Atom), from tests/fixtures/arxiv/ (written by
 * hand in the API's format: three entries, one with TeX, one with `<` and `&`).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeDigestPlan, runImport } from '#/lib/import/run-import.ts';
import { paperSchema } from '#/lib/schemas.ts';
import { renderAbstract } from '#/lib/markdown.ts';
import { importFiles, paperPaths, readDigest, readPaper, refusedImport, runCli, snapshotDir, splitPaper, tempDir, writeInput } from '../helpers.ts';

const ATOM = fileURLToPath(new URL('../../fixtures/arxiv/export-2024-05-24.atom', import.meta.url));
const ATOM_TEXT = readFileSync(ATOM, 'utf8');
const GROKKED = 'grokked-transformers-are-implicit-reasoners-a-mechanistic-journey-to-the-edge-of';
const SIMPO = 'simpo-simple-preference-optimization-with-a-reference-free-reward';
const CURATION = 'automatic-data-curation-for-self-supervised-learning-a-clustering-based-approach';

/** The 1-based line of the fixture where `text` starts. */
const lineOf = (text: string) => ATOM_TEXT.slice(0, ATOM_TEXT.indexOf(text)).split('\n').length;
const summaries = (plans: Awaited<ReturnType<typeof runImport>>) => plans.map(describeDigestPlan);
const paper = async (contentDir: string, slug: string) => splitPaper(await readPaper(contentDir, slug));

describe('an arXiv Atom export', () => {
  it('becomes a digest dated by the latest day an entry was published, in feed order', async () => {
    const contentDir = await tempDir();
    expect(summaries(await importFiles(contentDir, [ATOM]))).toEqual(['2024-05-24: 3 papers (3 new, 0 already known)']);
    expect((await readDigest(contentDir, '2024-05-24')).papers).toEqual([GROKKED, SIMPO, CURATION]);
  });

  it('--date names the digest day instead', async () => {
    const contentDir = await tempDir();
    expect(summaries(await importFiles(contentDir, [ATOM], '2024-05-27'))).toEqual(['2024-05-27: 3 papers (3 new, 0 already known)']);
  });

  it('maps each entry onto a paper: id without version, authors, categories, published day, PDF link', async () => {
    const contentDir = await tempDir();
    await importFiles(contentDir, [ATOM]);
    const { frontMatter } = await paper(contentDir, GROKKED);
    expect(frontMatter).toEqual({
      title: 'Grokked Transformers are Implicit Reasoners: A Mechanistic Journey to the Edge of Generalization',
      arxiv: '2405.15071',
      authors: ['Boshi Wang', 'Xiang Yue', 'Yu Su'],
      published: '2024-05-23',
      links: {
        // From the author comment: "Code: https://github.com/…".
        code: 'https://github.com/OSU-NLP-Group/GrokkedTransformer',
        pdf: 'http://arxiv.org/pdf/2405.15071v2',
      },
      categories: ['cs.CL', 'cs.AI'],
    });
    for (const slug of [GROKKED, SIMPO, CURATION]) paperSchema.parse((await paper(contentDir, slug)).frontMatter);
  });

  it('renders TeX as math, and keeps a price as text', async () => {
    const contentDir = await tempDir();
    await importFiles(contentDir, [ATOM]);
    const grokked = renderAbstract((await paper(contentDir, GROKKED)).body).html;
    expect(grokked.match(/<math/g)).toHaveLength(3);
    expect(grokked).toContain('<annotation encoding="application/x-tex">3\\times</annotation>');
    const curation = renderAbstract((await paper(contentDir, CURATION)).body).html;
    expect(curation).not.toContain('<math');
    expect(curation).toContain('costs less than $5 per run');
  });

  it('shows < and & in an abstract as the characters, never as markup', async () => {
    const contentDir = await tempDir();
    await importFiles(contentDir, [ATOM]);
    const { body, frontMatter } = await paper(contentDir, SIMPO);
    const html = renderAbstract(body).html;
    expect(html).toContain('when the length ratio is &#x3C;1.2 and keeps the &#x3C;EOS> token &#x26; the margin.');
    expect(html).not.toContain('<EOS>');
    expect(frontMatter['links']).toEqual({ code: 'https://github.com/princeton-nlp/SimPO', pdf: 'http://arxiv.org/pdf/2405.14734v1' });
  });

  it('is recognized by its content when the file name does not say', async () => {
    const input = await writeInput('query-result', ATOM_TEXT);
    const contentDir = await tempDir();
    expect(summaries(await importFiles(contentDir, [input]))).toEqual(['2024-05-24: 3 papers (3 new, 0 already known)']);
  });

  it('a paper from arXiv and then from Hugging Face is one page, enriched', async () => {
    const contentDir = await tempDir();
    await importFiles(contentDir, [ATOM]);
    const hf = await writeInput(
      '2024-05-27.json',
      JSON.stringify([
        {
          paper: {
            id: '2405.15071',
            title: 'Grokked Transformers are Implicit Reasoners: A Mechanistic Journey to the\n  Edge of Generalization',
            summary: 'Another rendering of the abstract.',
            authors: [{ name: 'Boshi Wang', hidden: false }],
            publishedAt: '2024-05-23T17:47:36.000Z',
            upvotes: 19,
            ai_keywords: ['grokking', 'implicit reasoning'],
          },
        },
      ]),
    );
    expect(summaries(await importFiles(contentDir, [hf]))).toEqual(['2024-05-27: 1 papers (0 new, 1 already known)']);
    expect(paperPaths(await snapshotDir(contentDir))).toHaveLength(3);
    const { frontMatter, body } = await paper(contentDir, GROKKED);
    expect(frontMatter).toMatchObject({
      authors: ['Boshi Wang', 'Xiang Yue', 'Yu Su'], // already there: kept
      upvotes: 19,
      keywords: ['grokking', 'implicit reasoning'],
      categories: ['cs.CL', 'cs.AI'],
    });
    expect(body).toMatch(/^We study whether transformers/);
    expect((await readDigest(contentDir, '2024-05-27')).papers).toEqual([GROKKED]);
  });
});

describe('bad Atom input is refused, and nothing is written', () => {
  const cases: Record<string, { text: string; message: (file: string) => string }> = {
    'XML that is not well-formed': {
      text: ATOM_TEXT.replace('</summary>\n    <author>\n      <name>Yu Meng</name>', '</summry>\n    <author>\n      <name>Yu Meng</name>'),
      message: (file) =>
        `${file}:${lineOf('</summary>\n    <author>\n      <name>Yu Meng')}: not valid XML: ` +
        `Expected closing tag 'summary' (opened in line ${lineOf('<summary>  Direct Preference')}, col 5) instead of closing tag 'summry'.`,
    },
    'an entry whose id is not an arXiv abstract URL': {
      text: ATOM_TEXT.replace('<id>http://arxiv.org/abs/2405.14734v1</id>', '<id>urn:uuid:1234</id>'),
      message: (file) => `${file}: entry 2: <id> is not an arXiv abstract URL like http://arxiv.org/abs/2403.12345v1: "urn:uuid:1234"`,
    },
    'an entry without a title': {
      text: ATOM_TEXT.replace('<title>SimPO: Simple Preference Optimization with a Reference-Free Reward</title>', ''),
      message: (file) => `${file}: entry 2: <title> is missing or empty`,
    },
    'an unparseable published date': {
      text: ATOM_TEXT.replace('<published>2024-05-24T14:52:04Z</published>', '<published>May 24</published>'),
      message: (file) => `${file}: entry 3: <published> is not a date like 2024-05-27T09:12:00Z: "May 24"`,
    },
    'not an Atom feed': {
      text: '<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>\n',
      message: (file) => `${file}: not an Atom feed: the root element is not <feed>`,
    },
    'the API reporting an error': {
      text: `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345v</id>
    <title>Error</title>
    <summary>incorrect id format for 1234.12345v</summary>
  </entry>
</feed>
`,
      message: (file) => `${file}: the arXiv API answered with an error: incorrect id format for 1234.12345v`,
    },
  };
  for (const [name, { text, message }] of Object.entries(cases)) {
    it(name, async () => {
      const input = await writeInput('export.atom', text);
      expect((await refusedImport([input])).message).toBe(message(input));
    });
  }

  it('through the CLI: one line on stderr, exit code 1', async () => {
    const input = await writeInput('export.xml', ATOM_TEXT.replace('<id>http://arxiv.org/abs/2405.14734v1</id>', '<id></id>'));
    const contentDir = await tempDir();
    const result = runCli([input, '--content-dir', contentDir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${input}: entry 2: <id> is missing\n`);
    expect(await snapshotDir(contentDir)).toEqual({});
  });

  it('a feed without entries is a no-op', async () => {
    const input = await writeInput('export.atom', '<feed xmlns="http://www.w3.org/2005/Atom"><title>ArXiv Query</title></feed>');
    const contentDir = await tempDir();
    expect(summaries(await importFiles(contentDir, [input], '2024-05-24'))).toEqual(['2024-05-24: no papers that day, nothing to import']);
    expect(await snapshotDir(contentDir)).toEqual({});
  });
});
