import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatPaper } from '#/lib/content/paper.ts';
import { formatDigest } from '#/lib/content/digest.ts';
import { formatTaxonomy } from '#/lib/content/taxonomy.ts';
import { digestFile, paperFile, PAPERS_DIR, DIGESTS_DIR, TAXONOMY_FILE_NAME, TOPIC_MODEL_FILE_NAME } from '#/lib/content/paths.ts';
import { runImport } from '#/lib/import/run-import.ts';
import { repoRoot } from './build-site.ts';

export interface FixturePaper {
  slug: string;
  frontMatter: Record<string, unknown>;
  body: string;
}

export interface FixtureContent {
  topics: Array<Record<string, unknown>>;
  papers: FixturePaper[];
  digests: Array<{ date: string; papers: string[]; upvotes?: Record<string, number> }>;
}

export const fixtureTopics = [
  { id: 'alpha', name: 'Alpha studies', description: 'Papers about alpha.', match: { phrases: ['alpha'] } },
  { id: 'beta', name: 'Beta & more', description: 'Papers about beta.', match: { phrases: ['beta'] } },
  { id: 'segmentation', name: 'Segmentation', description: 'Papers about segmentation.', match: { phrases: ['segmentation', 'seg token'] } },
];

/** Where the thumbnails of the fixture come from: the site's thumbnail origin (src/site.config.ts). */
export const THUMBNAIL_HOST = 'https://cdn-thumbnails.huggingface.co';
export const MATH_THUMBNAIL = `${THUMBNAIL_HOST}/social-thumbnails/papers/2403.01234.png`;

export const SEG_TITLE = 'Reasoning to Attend: Try to Understand How <SEG> Token Works';
export const SCRIPT_TITLE = '<script>alert(1)</script> & Friends: a Hostile Title';

/**
 * A small site that exercises every page type: 51 papers in "alpha" (two topic
 * pages), 50 in "beta" (exactly one), hostile titles, math, a paper listed on
 * two days, and three digests for previous/next links.
 */
export function readingFixture(): FixtureContent {
  const papers: FixturePaper[] = [];
  const subjects = ['lattice gradients', 'spectral graphs', 'sparse kernels', 'causal forests', 'neural fields'];
  for (let n = 1; n <= 51; n++) {
    const id = String(n).padStart(3, '0');
    const subject = subjects[n % subjects.length]!;
    papers.push({
      slug: `bulk-paper-${id}`,
      // 49 + the hostile-title paper make beta exactly one page of 50.
      frontMatter: {
        title: `Bulk Paper ${id} on ${subject}`,
        topics: n <= 49 ? ['alpha', 'beta'] : ['alpha'],
        // The first six listed on 2026-03-13 have thumbnails, the 4th's from a host thumbnails do not come from.
        ...(n <= 6 ? { thumbnail: n === 4 ? 'https://images.example.org/4.png' : `${THUMBNAIL_HOST}/social-thumbnails/papers/bulk-${id}.png` } : {}),
      },
      body: `Bulk abstract ${id} studies ${subject} with ${subject.split(' ')[0]} methods.`,
    });
  }
  papers.push(
    {
      slug: 'reasoning-to-attend-try-to-understand-how-seg-token-works',
      frontMatter: { title: SEG_TITLE, links: { code: 'https://github.com/rui-qian/READ' }, githubStars: 1234 },
      body: 'Models rely on \\<SEG> tokens for segmentation. Code: <https://github.com/rui-qian/READ>.',
    },
    {
      slug: 'script-alert-1-script-and-friends-a-hostile-title',
      frontMatter: { title: SCRIPT_TITLE, topics: ['beta'] },
      // \u0007 and \u001b are illegal in XML: the feeds must drop them, not break on them.
      body: 'An abstract with \\<script>alert(2)\\</script> and an ampersand & in it.\u0007 Bell\u001b and escape.',
    },
    {
      slug: 'math-in-abstracts',
      frontMatter: {
        title: 'Math in Abstracts',
        arxiv: '2403.01234',
        authors: ['Ada Lovelace', 'Alan Turing'],
        published: '2026-03-10',
        upvotes: 42,
        tldr: 'Math renders as MathML at build time.',
        comments: 3,
        organization: 'Analytical Engines Ltd',
        submittedBy: 'Charles Babbage',
        thumbnail: MATH_THUMBNAIL,
        links: { project: 'https://example.org/math' },
        topics: ['segmentation'],
      },
      body: 'We get a 3$\\times$ speed-up and a lower $L_2$ error.',
    },
  );
  return {
    topics: fixtureTopics,
    papers,
    digests: [
      { date: '2026-03-12', papers: ['math-in-abstracts', 'bulk-paper-051'] },
      { date: '2026-03-13', papers: papers.slice(0, 50).map((paper) => paper.slug) },
      {
        date: '2026-03-14',
        papers: [
          'reasoning-to-attend-try-to-understand-how-seg-token-works',
          'script-alert-1-script-and-friends-a-hostile-title',
          'math-in-abstracts',
        ],
        upvotes: { 'math-in-abstracts': 17 },
      },
    ],
  };
}

/** A paper file's text: front matter, then the abstract. */
export const paperFileText = (paper: FixturePaper): string => formatPaper(paper.frontMatter, paper.body);

export async function writeFixtureContent(dir: string, content: FixtureContent): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, PAPERS_DIR), { recursive: true });
  await mkdir(join(dir, DIGESTS_DIR), { recursive: true });
  await writeFile(join(dir, TAXONOMY_FILE_NAME), formatTaxonomy(content.topics));
  await Promise.all(
    content.papers.map(async (paper) => {
      const file = join(dir, paperFile(paper.slug));
      await mkdir(join(file, '..'), { recursive: true });
      await writeFile(file, paperFileText(paper));
    }),
  );
  await Promise.all(
    content.digests.map((digest) => writeFile(join(dir, digestFile(digest.date)), formatDigest(digest))),
  );
}

/**
 * A content folder made the way the maintainer makes one: every file of a
 * fixture folder (Hugging Face daily-papers JSON) through the real importer,
 * with the shipped taxonomy and its topic model.
 */
export async function writeImportedContent(dir: string, sourceDir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const name of [TAXONOMY_FILE_NAME, TOPIC_MODEL_FILE_NAME]) await copyFile(join(repoRoot, 'content', name), join(dir, name));
  const files = (await readdir(sourceDir)).filter((name) => name.endsWith('.json')).sort();
  await runImport({ files: files.map((name) => join(sourceDir, name)), contentDir: dir });
}
