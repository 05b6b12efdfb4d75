/**
 * Counters (upvotes, GitHub stars, comments) grow on import; every other field
 * keeps the "never overwrite" rule, and a digest keeps its own day's upvotes.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { importFiles, readPaper, snapshotDir, splitPaper, tempDir, writeInput } from './helpers.ts';

const SEP30 = fileURLToPath(new URL('../fixtures/hf/2025-09-30.json', import.meta.url));
type Entry = { paper: Record<string, unknown> } & Record<string, unknown>;
const [JIGSAW] = JSON.parse(readFileSync(SEP30, 'utf8')) as Entry[];
const SLUG = 'visual-jigsaw-post-training-improves-mllms';
// As recorded from the fixture: 33 upvotes, 17 stars, 1 comment.

/** The first fixture entry with other counts, listed on `day`. */
function laterResponse(day: string, counts: { upvotes: number; githubStars: number; numComments: number }) {
  const { numComments, ...paperCounts } = counts;
  const entry = { ...JIGSAW, numComments, paper: { ...JIGSAW!.paper, ...paperCounts, submittedOnDailyAt: `${day}T03:00:00.000Z` } };
  return writeInput(`${day}.json`, JSON.stringify([entry]));
}

async function counts(contentDir: string) {
  const { frontMatter } = splitPaper(await readPaper(contentDir, SLUG));
  return { upvotes: frontMatter['upvotes'], githubStars: frontMatter['githubStars'], comments: frontMatter['comments'] };
}

const digestUpvotes = async (contentDir: string, day: string) =>
  (parseYaml(await readFile(join(contentDir, 'digests', `${day}.yaml`), 'utf8')) as { upvotes: Record<string, number> }).upvotes;

async function importedOnce(): Promise<string> {
  const contentDir = await tempDir();
  await importFiles(contentDir, [await writeInput('2025-09-30.json', JSON.stringify([JIGSAW]))]);
  expect(await counts(contentDir)).toEqual({ upvotes: 33, githubStars: 17, comments: 1 });
  return contentDir;
}

describe('counters on import', () => {
  it('grow when a later import sees higher counts; the first day keeps the upvotes it recorded', async () => {
    const contentDir = await importedOnce();
    await importFiles(contentDir, [await laterResponse('2025-10-01', { upvotes: 80, githubStars: 250, numComments: 4 })]);
    expect(await counts(contentDir)).toEqual({ upvotes: 80, githubStars: 250, comments: 4 });
    expect(await digestUpvotes(contentDir, '2025-09-30')).toEqual({ [SLUG]: 33 });
    expect(await digestUpvotes(contentDir, '2025-10-01')).toEqual({ [SLUG]: 80 });
  });

  it('grow on a re-import of a day imported before (as the daily workflow re-imports the last week), its digest kept', async () => {
    const contentDir = await importedOnce();
    const digestBefore = await readFile(join(contentDir, 'digests/2025-09-30.yaml'), 'utf8');
    await importFiles(contentDir, [await laterResponse('2025-09-30', { upvotes: 50, githubStars: 17, numComments: 2 })]);
    expect(await counts(contentDir)).toEqual({ upvotes: 50, githubStars: 17, comments: 2 });
    expect(await readFile(join(contentDir, 'digests/2025-09-30.yaml'), 'utf8')).toBe(digestBefore);
  });

  it('never shrink: an older response with lower counts changes nothing', async () => {
    const contentDir = await importedOnce();
    const before = await snapshotDir(contentDir);
    await importFiles(contentDir, [await laterResponse('2025-09-30', { upvotes: 3, githubStars: 2, numComments: 0 })]);
    expect(await snapshotDir(contentDir)).toEqual(before);
  });

  it('move one at a time: only the counts that grew change', async () => {
    const contentDir = await importedOnce();
    await importFiles(contentDir, [await laterResponse('2025-09-30', { upvotes: 20, githubStars: 40, numComments: 0 })]);
    expect(await counts(contentDir)).toEqual({ upvotes: 33, githubStars: 40, comments: 1 });
  });

  it('a re-import of the same file changes nothing', async () => {
    const contentDir = await importedOnce();
    const later = await laterResponse('2025-10-01', { upvotes: 80, githubStars: 250, numComments: 4 });
    await importFiles(contentDir, [later]);
    const before = await snapshotDir(contentDir);
    await importFiles(contentDir, [later]);
    expect(await snapshotDir(contentDir)).toEqual(before);
  });

  it('keep hand edits of every other field, and the comments a person wrote', async () => {
    const contentDir = await importedOnce();
    const path = join(contentDir, 'papers', `${SLUG}.md`);
    const edited = (await readFile(path, 'utf8'))
      .replace(/^title: .*$/m, '# title shortened by hand\ntitle: Visual Jigsaw')
      .replace(/^tldr: .*$/m, 'tldr: Edited by hand.')
      .replace(/^thumbnail: .*$/m, 'thumbnail: https://example.org/own-picture.png');
    await writeFile(path, edited);
    await importFiles(contentDir, [await laterResponse('2025-10-01', { upvotes: 80, githubStars: 250, numComments: 4 })]);
    const text = await readPaper(contentDir, SLUG);
    const { frontMatter } = splitPaper(text);
    expect(frontMatter).toMatchObject({
      title: 'Visual Jigsaw',
      tldr: 'Edited by hand.',
      thumbnail: 'https://example.org/own-picture.png',
      upvotes: 80,
      githubStars: 250,
      comments: 4,
    });
    expect(text).toContain('# title shortened by hand\n');
  });
});
