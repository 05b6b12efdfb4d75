/**
 * Importing Hugging Face daily papers API responses (JSON), from the real
 * responses in tests/fixtures/hf/ (copied, some trimmed to a few entries).
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describeDigestPlan, runImport } from '#/lib/import/run-import.ts';
import { paperSchema } from '#/lib/schemas.ts';
import { renderAbstract } from '#/lib/markdown.ts';
import { normalizeText } from '#/lib/text.ts';
import { slugFromTitle } from '#/lib/slug.ts';
import {
  TODAY,
  importFiles,
  paperPaths,
  readDigest,
  readPaper,
  refusedImport,
  renderDigest,
  runCli,
  snapshotDir,
  splitPaper,
  tempDir,
  useCliCompileCache,
  writeInput,
} from '../helpers.ts';

useCliCompileCache();

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/hf/${name}`, import.meta.url));
/** 3 entries of the 2025-09-30 response: code, stars and project page; `>2` in an abstract; a hidden author. */
const SEP30 = fixture('2025-09-30.json');
/** The whole 2024-09-03 response: old entries, titles wrapped with newlines, no submittedOnDailyAt. */
const SEP03 = fixture('2024-09-03.json');
/** 2 entries of the 2024-12-03 response, the second with `$...$` math in its abstract. */
const DEC03 = fixture('2024-12-03.json');

type Entry = { paper: Record<string, unknown> } & Record<string, unknown>;
const entries = (path: string): Entry[] => JSON.parse(readFileSync(path, 'utf8')) as Entry[];

const summaries = (plans: Awaited<ReturnType<typeof runImport>>) => plans.map(describeDigestPlan);

/** Imports files in-process (as the CLI does) into `contentDir`. */

/** A JSON input holding `data`, written under `name` in a fresh temporary directory. */
function jsonInput(name: string, data: unknown): Promise<string> {
  return writeInput(name, JSON.stringify(data));
}

async function paperBySlug(contentDir: string, slug: string) {
  return splitPaper(await readPaper(contentDir, slug));
}

describe('a daily papers response', () => {
  it('becomes one digest in the API order, with each paper its own page', async () => {
    const contentDir = await tempDir();
    expect(summaries(await importFiles(contentDir, [SEP30]))).toEqual(['2025-09-30: 3 papers (3 new, 0 already known)']);
    const digest = await readDigest(contentDir, '2025-09-30');
    expect(digest.papers).toEqual([
      'visual-jigsaw-post-training-improves-mllms',
      'from-f-x-and-g-x-to-f-g-x-llms-learn-new-skills-in-rl-by-composing-old-ones',
      'rema-a-unified-reasoning-manifold-framework-for-interpreting-large-language',
    ]);
    // The day's upvotes are the digest's, by slug.
    expect(parseUpvotes(await readFile(join(contentDir, 'digests/2025-09-30.yaml'), 'utf8'))).toEqual({
      'visual-jigsaw-post-training-improves-mllms': 33,
      'from-f-x-and-g-x-to-f-g-x-llms-learn-new-skills-in-rl-by-composing-old-ones': 13,
      'rema-a-unified-reasoning-manifold-framework-for-interpreting-large-language': 2,
    });
    for (const slug of digest.papers) paperSchema.parse((await paperBySlug(contentDir, slug)).frontMatter);
  });

  it('maps the API fields onto the paper front matter', async () => {
    const contentDir = await tempDir();
    await importFiles(contentDir, [SEP30]);
    const { frontMatter, body } = await paperBySlug(contentDir, 'visual-jigsaw-post-training-improves-mllms');
    expect(frontMatter).toEqual({
      title: 'Visual Jigsaw Post-Training Improves MLLMs',
      arxiv: '2509.25190',
      authors: ['Penghao Wu', 'Yushan Zhang', 'Haiwen Diao', 'Bo Li', 'Lewei Lu', 'Ziwei Liu'],
      published: '2025-09-29',
      links: {
        code: 'https://github.com/penghao-wu/visual_jigsaw',
        project: 'https://penghao-wu.github.io/visual_jigsaw/',
      },
      upvotes: 33,
      githubStars: 17,
      comments: 1,
      thumbnail: 'https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2509.25190.png',
      submittedBy: 'Penghao Wu',
      keywords: expect.arrayContaining(['reinforcement learning', 'permutation task', '3D spatial understanding']),
      tldr: expect.stringMatching(/^Visual Jigsaw, a self-supervised reinforcement learning framework/),
    });
    // The abstract reads as the API's summary, its hard line breaks unwrapped.
    expect(renderAbstract(body).text).toBe(normalizeText(String(entries(SEP30)[0]!.paper['summary'])));
  });

  it("takes the organization from the entry, else from the paper, and keeps a thumbnail only when it is http(s)", async () => {
    const [first, second] = entries(SEP30);
    const organization = { name: 'bytedance', fullname: 'ByteDance' };
    const input = await jsonInput('2025-09-30.json', [
      { ...first, organization, thumbnail: 'javascript:alert(1)' },
      { ...second, organization: undefined, paper: { ...second!.paper, organization: { name: 'tsinghua' } } },
    ]);
    const contentDir = await tempDir();
    await importFiles(contentDir, [input]);
    const [jigsaw, composing] = (await readDigest(contentDir, '2025-09-30')).papers;
    const jigsawFields = (await paperBySlug(contentDir, jigsaw!)).frontMatter;
    expect(jigsawFields['organization']).toBe('ByteDance');
    expect(jigsawFields).not.toHaveProperty('thumbnail');
    expect((await paperBySlug(contentDir, composing!)).frontMatter['organization']).toBe('tsinghua');
  });

  it('leaves out authors the API marks hidden', async () => {
    const contentDir = await tempDir();
    await importFiles(contentDir, [SEP30]);
    const rema = 'rema-a-unified-reasoning-manifold-framework-for-interpreting-large-language';
    const { frontMatter } = await paperBySlug(contentDir, rema);
    expect(frontMatter['authors']).toEqual(['Guanzhi Deng', 'Ronghao Chen', 'Junrong Yue', 'Shuo Zhang', 'Qinghua Zhao', 'Linqi Song', 'Lijie Wen']);
  });

  it('shows angle brackets in an abstract as text, not as HTML', async () => {
    const contentDir = await tempDir();
    await importFiles(contentDir, [SEP30]);
    const { body } = await paperBySlug(contentDir, 'from-f-x-and-g-x-to-f-g-x-llms-learn-new-skills-in-rl-by-composing-old-ones');
    const html = renderAbstract(body).html;
    expect(html).toContain('compositions of >2 functions');
  });

  it('unwraps titles and dates old entries (no submittedOnDailyAt) by the file name', async () => {
    const contentDir = await tempDir();
    expect(summaries(await importFiles(contentDir, [SEP03]))).toEqual(['2024-09-03: 2 papers (2 new, 0 already known)']);
    const [visionTs] = (await readDigest(contentDir, '2024-09-03')).papers;
    expect(visionTs).toBe('visionts-visual-masked-autoencoders-are-free-lunch-zero-shot-time-series');
    const { frontMatter } = await paperBySlug(contentDir, visionTs!);
    expect(frontMatter['title']).toBe('VisionTS: Visual Masked Autoencoders Are Free-Lunch Zero-Shot Time Series Forecasters');
    expect(frontMatter['published']).toBe('2024-08-30');
  });

  it("shows a title's LaTeX escapes as the characters", async () => {
    const [first] = entries(SEP30);
    const title = 'TPLA: Tensor Parallel Latent Attention for Efficient Disaggregated\n  Prefill \\& Decode Inference';
    const input = await jsonInput('2025-08-25.json', [{ ...first, paper: { ...first!.paper, title } }]);
    const contentDir = await tempDir();
    await importFiles(contentDir, [input]);
    const slug = 'tpla-tensor-parallel-latent-attention-for-efficient-disaggregated-prefill-and';
    expect((await readDigest(contentDir, '2025-09-30')).papers).toEqual([slug]);
    expect((await paperBySlug(contentDir, slug)).frontMatter['title']).toBe(
      'TPLA: Tensor Parallel Latent Attention for Efficient Disaggregated Prefill & Decode Inference',
    );
  });

  it('renders $...$ in an abstract as math, and keeps the rest as text', async () => {
    const contentDir = await tempDir();
    await importFiles(contentDir, [DEC03]);
    const slug = slugFromTitle('A Simple and Provable Scaling Law for the Test-Time Compute of Large Language Models');
    const html = renderAbstract((await paperBySlug(contentDir, slug)).body).html;
    expect(html.match(/<math/g)).toHaveLength(1);
    expect(html).not.toContain('$');
    expect(html).toContain('probability p<sub>gen</sub> > 0'); // outside the dollars: text-mode TeX, a subscript
  });

  it('is imported again without any change', async () => {
    const contentDir = await tempDir();
    await importFiles(contentDir, [SEP30, SEP03]);
    const before = await snapshotDir(contentDir);
    expect(summaries(await importFiles(contentDir, [SEP30, SEP03]))).toEqual([
      '2025-09-30: 3 papers (0 new, 3 already known; digest already imported, kept as it is)',
      '2024-09-03: 2 papers (0 new, 2 already known; digest already imported, kept as it is)',
    ]);
    expect(await snapshotDir(contentDir)).toEqual(before);
  });
});

describe('links from the API', () => {
  async function importWith(paper: Record<string, unknown>) {
    const [first] = entries(SEP30);
    const input = await jsonInput('2025-09-30.json', [{ ...first, paper: { ...first!.paper, ...paper } }]);
    const contentDir = await tempDir();
    await importFiles(contentDir, [input]);
    return (await paperBySlug(contentDir, 'visual-jigsaw-post-training-improves-mllms')).frontMatter['links'];
  }

  it('drops a project page that is not http(s)', async () => {
    expect(await importWith({ projectPage: 'javascript:alert(1)' })).toEqual({ code: 'https://github.com/penghao-wu/visual_jigsaw' });
    expect(await importWith({ projectPage: 'penghao-wu.github.io/visual_jigsaw' })).toEqual({
      code: 'https://github.com/penghao-wu/visual_jigsaw',
    });
  });

  it('trims the spaces some project pages carry', async () => {
    expect(await importWith({ projectPage: ' https://sites.google.com/view/adc-robot' })).toMatchObject({
      project: 'https://sites.google.com/view/adc-robot',
    });
  });

  it('without githubRepo, takes the code link from the abstract', async () => {
    const links = await importWith({ githubRepo: undefined, summary: 'We release code at https://github.com/example/jigsaw.' });
    expect(links).toEqual({ code: 'https://github.com/example/jigsaw', project: 'https://penghao-wu.github.io/visual_jigsaw/' });
  });
});

describe('the digest day', () => {
  const submittedOn = (entry: Entry, day: string | undefined): Entry => ({
    ...entry,
    paper: { ...entry.paper, submittedOnDailyAt: day === undefined ? undefined : `${day}T03:00:00.000Z` },
  });

  it('is the day most entries were put on the daily list, whatever the file is called', async () => {
    const [a, b, c] = entries(SEP30);
    const input = await jsonInput('papers.json', [
      submittedOn(a!, '2025-10-01'),
      submittedOn(b!, '2025-10-02'),
      submittedOn(c!, '2025-10-01'),
    ]);
    const contentDir = await tempDir();
    expect(summaries(await importFiles(contentDir, [input]))).toEqual(['2025-10-01: 3 papers (3 new, 0 already known)']);
    // The odd one out is still in this digest.
    expect((await readDigest(contentDir, '2025-10-01')).papers).toHaveLength(3);
  });

  it('needs --date when neither the entries nor the file name say', async () => {
    const input = await jsonInput('export.json', entries(SEP03));
    const contentDir = await tempDir();
    await expect(importFiles(contentDir, [input])).rejects.toThrow(`${input}: no date`);
    expect(summaries(await importFiles(contentDir, [input], '2024-09-04'))).toEqual([
      '2024-09-04: 2 papers (2 new, 0 already known)',
    ]);
  });

  it('refuses a --date that contradicts the entries', async () => {
    const contentDir = await tempDir();
    await expect(importFiles(contentDir, [SEP30], '2025-10-01')).rejects.toThrow(
      `${SEP30}: the papers were on the daily list of 2025-09-30 but --date is 2025-10-01`,
    );
    expect(await snapshotDir(contentDir)).toEqual({});
  });
});

describe('one paper, several sources', () => {
  it('a paper in two days is one page listed in both digests', async () => {
    const [first, second] = entries(SEP30);
    const nextDay = await jsonInput('2025-10-01.json', [
      { ...second, paper: { ...second!.paper, submittedOnDailyAt: '2025-10-01T02:00:00.000Z', upvotes: 40 } },
    ]);
    const dayOne = await jsonInput('2025-09-30.json', [first, second]);
    const contentDir = await tempDir();
    expect(summaries(await importFiles(contentDir, [dayOne, nextDay]))).toEqual([
      '2025-09-30: 2 papers (2 new, 0 already known)',
      '2025-10-01: 1 papers (0 new, 1 already known)',
    ]);
    const slug = 'from-f-x-and-g-x-to-f-g-x-llms-learn-new-skills-in-rl-by-composing-old-ones';
    expect((await readDigest(contentDir, '2025-09-30')).papers).toContain(slug);
    expect((await readDigest(contentDir, '2025-10-01')).papers).toEqual([slug]);
    expect(paperPaths(await snapshotDir(contentDir))).toHaveLength(2);
    // Each day keeps its own upvotes.
    expect(parseUpvotes(await readFile(join(contentDir, 'digests/2025-10-01.yaml'), 'utf8'))).toEqual({ [slug]: 40 });
  });

  it('a paper imported from plain text is enriched by the JSON, and hand edits still win', async () => {
    // The plain-text page names it with other case and punctuation; the import finds it by its normalized title.
    const text = renderDigest({
      papers: [{ title: 'visual jigsaw post training improves MLLMs', abstract: 'The abstract as the page showed it.' }],
      dateLine: 'Sep 29',
    }).text;
    const contentDir = await tempDir();
    await runImport({ files: [await writeInput('digest.txt', text)], contentDir, date: '2025-09-29', today: TODAY });
    const slug = 'visual-jigsaw-post-training-improves-mllms';
    const path = join(contentDir, 'papers', `${slug}.md`);
    // A person edits the page: a better title and their own one-line summary.
    const edited = (await readFile(path, 'utf8')).replace(
      'title: visual jigsaw post training improves MLLMs',
      'title: "Visual Jigsaw: Post-Training Improves MLLMs"\ntldr: Edited by hand.',
    );
    await writeFile(path, edited);

    expect(summaries(await importFiles(contentDir, [SEP30]))).toEqual(['2025-09-30: 3 papers (2 new, 1 already known)']);
    expect(paperPaths(await snapshotDir(contentDir))).toHaveLength(3); // not duplicated
    const { frontMatter, body } = await paperBySlug(contentDir, slug);
    expect(frontMatter).toMatchObject({
      title: 'Visual Jigsaw: Post-Training Improves MLLMs',
      tldr: 'Edited by hand.',
      arxiv: '2509.25190',
      authors: ['Penghao Wu', 'Yushan Zhang', 'Haiwen Diao', 'Bo Li', 'Lewei Lu', 'Ziwei Liu'],
      published: '2025-09-29',
      links: { code: 'https://github.com/penghao-wu/visual_jigsaw', project: 'https://penghao-wu.github.io/visual_jigsaw/' },
      githubStars: 17,
      upvotes: 33,
    });
    expect(body.trim()).toBe('The abstract as the page showed it.');
    expect((await readDigest(contentDir, '2025-09-30')).papers[0]).toBe(slug);
    expect((await readDigest(contentDir, '2025-09-29')).papers).toEqual([slug]);
  });
});

describe('malformed responses are refused, and nothing is written', () => {
  const [good] = entries(SEP30);
  const withPaper = (paper: Record<string, unknown>) => [good, { ...good, paper: { ...good!.paper, id: '2509.99999', ...paper } }];
  const cases: Record<string, { data: unknown; problem: string }> = {
    'an entry without a title': { data: withPaper({ title: undefined }), problem: 'entry 2: paper.title is missing' },
    'an entry with a blank title': { data: withPaper({ title: ' \n ' }), problem: 'entry 2: paper.title must not be empty' },
    'a string where the paper belongs': {
      data: [good, { ...good, paper: 'Visual Jigsaw' }],
      problem: 'entry 2: paper must be an object, not a string ("Visual Jigsaw")',
    },
    'a string where an author belongs': {
      data: withPaper({ authors: ['Penghao Wu'] }),
      problem: 'entry 2: paper.authors[0] must be an object, not a string ("Penghao Wu")',
    },
    'an unparseable date': {
      data: withPaper({ publishedAt: 'last Tuesday' }),
      problem: 'entry 2: paper.publishedAt is not a date like 2024-05-27T09:12:00Z: "last Tuesday"',
    },
    'a date that does not exist': {
      data: withPaper({ submittedOnDailyAt: '2025-02-30T01:00:00.000Z' }),
      problem: 'entry 2: paper.submittedOnDailyAt is not a date',
    },
    'an id that is not an arXiv id': {
      data: withPaper({ id: 'not-an-id' }),
      problem: 'entry 2: paper.id must be an arXiv id like 2403.12345, not a string ("not-an-id")',
    },
    'an object instead of the array': {
      data: { papers: [good] },
      problem: 'expected a JSON array of papers (a Hugging Face daily_papers response), found an object',
    },
  };
  for (const [name, { data, problem }] of Object.entries(cases)) {
    it(name, async () => {
      const input = await jsonInput('2025-09-30.json', data);
      expect((await refusedImport([input])).message).toContain(`${input}: ${problem}`);
    });
  }

  it('invalid JSON is reported at its line, through the CLI, with exit code 1', async () => {
    const text = JSON.stringify(entries(SEP30), null, 2).replace('"upvotes": 13,', '"upvotes": 13,,');
    const lines = text.split('\n');
    const line = lines.findIndex((candidate) => candidate.includes('"upvotes": 13,,')) + 1;
    const column = lines[line - 1]!.indexOf(',,') + 2;
    const input = await writeInput('2025-09-30.json', text);
    const contentDir = await tempDir();
    const result = runCli([input, '--content-dir', contentDir]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim()).toBe(`${input}:${line}: not valid JSON: Expected double-quoted property name (column ${column})`);
    expect(await snapshotDir(contentDir)).toEqual({});
  });

  it('a bad JSON file stops a mixed import: the good inputs before it are not written either', async () => {
    const bad = await jsonInput('2025-10-01.json', withPaper({ title: undefined }));
    const contentDir = await tempDir();
    const atom = fileURLToPath(new URL('../../fixtures/arxiv/export-2024-05-24.atom', import.meta.url));
    await expect(importFiles(contentDir, [SEP03, atom, bad])).rejects.toThrow(`${bad}: entry 2: paper.title is missing`);
    expect(await snapshotDir(contentDir)).toEqual({});
  });
});

describe('format detection', () => {
  it('recognizes a JSON response by its content when the name does not say', async () => {
    const input = await writeInput('2025-09-30.response', readFileSync(SEP30));
    const contentDir = await tempDir();
    expect(summaries(await importFiles(contentDir, [input]))).toEqual(['2025-09-30: 3 papers (3 new, 0 already known)']);
  });

  it('an empty response is a no-op, not an error', async () => {
    const input = await writeInput('2026-03-14.json', '[]\n');
    const contentDir = await tempDir();
    expect(summaries(await importFiles(contentDir, [input]))).toEqual(['2026-03-14: no papers that day, nothing to import']);
    expect(await snapshotDir(contentDir)).toEqual({});
  });
});

/** A digest file's `upvotes` map. */
function parseUpvotes(yamlText: string): Record<string, number> {
  return (parseYaml(yamlText) as { upvotes: Record<string, number> }).upvotes;
}
