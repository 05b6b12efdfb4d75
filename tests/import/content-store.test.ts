import { describe, it, expect } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describeDigestPlan, runImport } from '#/lib/import/run-import.ts';
import { paperSchema } from '#/lib/schemas.ts';
import { digestSchema } from '#/lib/content/digest.ts';
import { slugFromTitle } from '#/lib/slug.ts';
import {
  NEW_PAPERS,
  REPLACED_INDICES,
  SEED_PAPERS,
  SEED_SUMMARY,
  SEED_TEXT,
  TODAY,
  hashSnapshot,
  importSeed,
  paperPaths,
  readDigest,
  readPaper,
  renderDigest,
  secondDigest,
  snapshotDir,
  splitPaper,
  tempDir,
  useSeededContentDirs,
  writeInput,
  type DirSnapshot,
} from './helpers.ts';

const seededContentDir = useSeededContentDirs();

const summaries = (plans: Awaited<ReturnType<typeof runImport>>) => plans.map(describeDigestPlan);

/** Imports digest text (dated by its date line, today being 2026-11-26). */
async function importText(contentDir: string, text: string, extra: { dryRun?: boolean } = {}) {
  const input = await writeInput('digest.txt', text);
  return runImport({ files: [input], contentDir, today: TODAY, ...extra });
}

/** The entries of `after` that are not in `before` or differ from it. */
function changes(before: DirSnapshot, after: DirSnapshot): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => before[key] !== after[key]).sort();
}

describe('importing the seed into an empty content dir', () => {
  it('writes 71 papers and 1 digest, and says 71 new', async () => {
    const contentDir = await tempDir();
    expect(summaries(await importSeed(contentDir))).toEqual([SEED_SUMMARY]);
    const snapshot = await snapshotDir(contentDir);
    expect(paperPaths(snapshot)).toHaveLength(71);
    // Nothing else: no temporary files left behind.
    expect(Object.keys(snapshot).filter((path) => !paperPaths(snapshot).includes(path))).toEqual([
      'digests',
      'digests/2026-03-14.yaml',
      'papers',
    ]);
  });

  it('lists the papers in the digest in page order, each with a valid file', async () => {
    const contentDir = await tempDir();
    await importSeed(contentDir);
    const raw = await readFile(join(contentDir, 'digests/2026-03-14.yaml'), 'utf8');
    const digest = digestSchema.parse(parseYaml(raw));
    expect(digest.date).toBe('2026-03-14');
    expect(digest.papers).toHaveLength(71);
    expect(new Set(digest.papers).size).toBe(71);
    for (const [index, slug] of digest.papers.entries()) {
      const { frontMatter, body } = splitPaper(await readPaper(contentDir, slug));
      const paper = paperSchema.parse(frontMatter);
      expect(paper.title).toBe(SEED_PAPERS[index]!.title);
      expect(slug).toBe(slugFromTitle(paper.title));
      expect(body.trim().length).toBeGreaterThan(100);
    }
  });
});

describe('re-importing', () => {
  it('leaves every file byte-identical and says 0 new, 71 already known', async () => {
    const contentDir = await seededContentDir();
    const before = await snapshotDir(contentDir);
    const [summary, ...rest] = summaries(await importSeed(contentDir));
    expect(rest).toEqual([]);
    expect(summary).toContain('2026-03-14: 71 papers (0 new, 71 already known');
    const after = await snapshotDir(contentDir);
    expect(hashSnapshot(after)).toBe(hashSnapshot(before));
    expect(after).toEqual(before);
  });

  it('keeps hand edits byte for byte: a changed field, YAML comments, a tldr, a rewritten body', async () => {
    const contentDir = await seededContentDir();
    const edits: Record<string, (text: string) => string> = {
      // a front matter field changed, with comments
      'post-training-sparse-attention-with-double-sparsity': (text) =>
        text
          .replace('code: https://github.com/andy-yang-1/DoubleSparse', 'code: https://github.com/example/fork  # our fork')
          .replace('---\ntitle:', '---\n# checked by hand\ntitle:'),
      // a tldr added
      'attentive-mask-clip': (text) => text.replace('title: Attentive Mask CLIP\n', "title: Attentive Mask CLIP\ntldr: 'Mask the tokens that matter less.'\n"),
      // the body rewritten
      'reasoning-to-attend-try-to-understand-how-seg-token-works': (text) =>
        `${text.slice(0, text.indexOf('---\n\n') + 5)}A shorter abstract, *rewritten* by hand.\n\nWith a second paragraph.\n`,
    };
    for (const [slug, edit] of Object.entries(edits)) {
      const path = join(contentDir, 'papers', `${slug}.md`);
      const original = await readFile(path, 'utf8');
      const edited = edit(original);
      expect(edited, `edit of ${slug} did not apply`).not.toBe(original);
      await writeFile(path, edited);
    }
    const before = await snapshotDir(contentDir);
    expect(summaries(await importSeed(contentDir))[0]).toContain('0 new, 71 already known');
    expect(await snapshotDir(contentDir)).toEqual(before);
  });

  // BUG (reported): papers are matched by title only (plain text has no arXiv id), so
  // after a hand edit of `title:` the re-import does not recognize the paper, says
  // "1 new, 70 already known" and writes an orphan attentive-mask-clip-2.md.
  it('keeps a hand-edited title: no duplicate paper appears', async () => {
    const contentDir = await seededContentDir();
    const path = join(contentDir, 'papers', 'attentive-mask-clip.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('title: Attentive Mask CLIP', 'title: "Attentive Mask CLIP (AMC)"'));
    const before = await snapshotDir(contentDir);
    const [summary] = summaries(await importSeed(contentDir));
    expect(changes(before, await snapshotDir(contentDir))).toEqual([]);
    expect(summary).toContain('0 new, 71 already known');
  });
});

describe('a site whose paper files a person broke', () => {
  it('stops the import naming the file and line, and writes nothing', async () => {
    const contentDir = await seededContentDir();
    const path = join(contentDir, 'papers', 'attentive-mask-clip.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('title: Attentive Mask CLIP', 'title: [Attentive Mask CLIP'));
    const before = await snapshotDir(contentDir);
    await expect(importText(contentDir, secondDigest().text)).rejects.toThrow(
      /papers\/attentive-mask-clip\.md:\d+: front matter is not valid YAML/,
    );
    expect(await snapshotDir(contentDir)).toEqual(before);
  });
});

describe('a day imported again with different papers', () => {
  // The kept digest file is authoritative (a person may have removed a paper from
  // it): papers it does not list are skipped and reported, never orphaned.
  it('does not leave a new paper that no digest lists, and says it skipped it', async () => {
    const contentDir = await seededContentDir();
    const text = renderDigest({ papers: [...SEED_PAPERS, NEW_PAPERS[1]!], dateLine: 'Mar 14' }).text;
    const [summary] = summaries(await importText(contentDir, text));
    const listed = new Set((await readDigest(contentDir, '2026-03-14')).papers);
    const files = paperPaths(await snapshotDir(contentDir)).map((path) => path.slice('papers/'.length, -'.md'.length));
    expect(files.filter((slug) => !listed.has(slug)), summary).toEqual([]);
    expect(summary).toBe('2026-03-14: 71 papers (0 new, 71 already known; digest already imported, kept as it is, 1 not in it skipped)');
  });
});

describe('a second digest', () => {
  it('adds only the new papers, lists known ones by their existing slug, and leaves shared papers unchanged', async () => {
    const contentDir = await seededContentDir();
    const first = await readDigest(contentDir, '2026-03-14');
    const before = await snapshotDir(contentDir);

    const second = secondDigest();
    expect(summaries(await importText(contentDir, second.text))).toEqual(['2026-03-15: 71 papers (3 new, 68 already known)']);

    const after = await snapshotDir(contentDir);
    const newSlugs = NEW_PAPERS.map((paper) => slugFromTitle(paper.title));
    expect(changes(before, after)).toEqual(
      ['digests/2026-03-15.yaml', ...newSlugs.map((slug) => `papers/${slug}.md`)].sort(),
    );

    const digest = await readDigest(contentDir, '2026-03-15');
    expect(digest.date).toBe('2026-03-15');
    const expected = first.papers.map((slug, index) => {
      const replaced = (REPLACED_INDICES as readonly number[]).indexOf(index);
      return replaced === -1 ? slug : newSlugs[replaced]!;
    });
    expect(digest.papers).toEqual(expected);

    // The new paper with a repository link gets links.code.
    const tidal = splitPaper(await readPaper(contentDir, newSlugs[0]!));
    expect(tidal.frontMatter).toEqual({
      title: NEW_PAPERS[0]!.title,
      links: { code: 'https://github.com/example/tidal-attention' },
    });
  });

  it('imported in the same run as the seed, gives the same files as two runs', async () => {
    const second = await writeInput('second.txt', secondDigest().text);
    const together = await tempDir();
    // No --date: it would apply to both files; each date line dates its own digest.
    const seed = await writeInput('seed.txt', SEED_TEXT);
    const plans = await runImport({ files: [seed, second], contentDir: together, today: TODAY });
    expect(summaries(plans)).toEqual([SEED_SUMMARY, '2026-03-15: 71 papers (3 new, 68 already known)']);

    const apart = await seededContentDir();
    await runImport({ files: [second], contentDir: apart, today: TODAY });
    expect(await snapshotDir(together)).toEqual(await snapshotDir(apart));
  });
});

describe('telling papers apart', () => {
  it('gives a different paper whose title slugifies the same a -2 suffix', async () => {
    const contentDir = await seededContentDir();
    const before = await snapshotDir(contentDir);
    const existing = 'Advancing NLP Models with Strategic Text Augmentation: A Comprehensive Study of Augmentation Methods and Curriculum Strategies';
    const other = 'Advancing NLP Models with Strategic Text Augmentation: A Comprehensive Study of Something Else Entirely';
    const slug = slugFromTitle(existing);
    expect(slugFromTitle(other)).toBe(slug); // cut at 80 characters, the two slugs meet

    const papers = [{ title: other, abstract: 'A different paper that only starts like the one in the seed.' }];
    expect(summaries(await importText(contentDir, renderDigest({ papers, dateLine: 'Mar 16' }).text))).toEqual([
      '2026-03-16: 1 papers (1 new, 0 already known)',
    ]);
    expect(changes(before, await snapshotDir(contentDir))).toEqual(['digests/2026-03-16.yaml', `papers/${slug}-2.md`]);
    expect(splitPaper(await readPaper(contentDir, `${slug}-2`)).frontMatter.title).toBe(other);
    expect((await readDigest(contentDir, '2026-03-16')).papers).toEqual([`${slug}-2`]);
  });

  it('suffixes -2 and -3 within one digest too', async () => {
    const contentDir = await tempDir();
    const long = 'Scaling Laws for Neural Language Models Trained on Very Large Web Corpora and Beyond';
    const titles = ['Cats & Dogs', 'Cats and Dogs', `${long}: Part One`, `${long}: Part Two`, `${long}: Part Three`];
    const cut = slugFromTitle(long);
    for (const title of titles.slice(2)) expect(slugFromTitle(title)).toBe(cut);
    const papers = titles.map((title) => ({ title, abstract: `About ${title}.` }));
    expect(summaries(await importText(contentDir, renderDigest({ papers, dateLine: 'Mar 16' }).text))).toEqual([
      '2026-03-16: 5 papers (5 new, 0 already known)',
    ]);
    const slugs = ['cats-and-dogs', 'cats-and-dogs-2', cut, `${cut}-2`, `${cut}-3`];
    expect((await readDigest(contentDir, '2026-03-16')).papers).toEqual(slugs);
    for (const [index, slug] of slugs.entries()) {
      expect(splitPaper(await readPaper(contentDir, slug)).frontMatter.title).toBe(titles[index]);
    }
  });

  it('treats the same title with different case and punctuation as the same paper', async () => {
    const contentDir = await seededContentDir();
    const before = await snapshotDir(contentDir);
    const papers = [
      { title: 'ATTENTIVE MASK-CLIP.', abstract: 'The same paper, shouted.' },
      { title: 'post training: sparse attention with double-sparsity', abstract: 'The same paper, whispered.' },
    ];
    expect(summaries(await importText(contentDir, renderDigest({ papers, dateLine: 'Mar 16' }).text))).toEqual([
      '2026-03-16: 2 papers (0 new, 2 already known)',
    ]);
    expect(changes(before, await snapshotDir(contentDir))).toEqual(['digests/2026-03-16.yaml']);
    expect((await readDigest(contentDir, '2026-03-16')).papers).toEqual([
      'attentive-mask-clip',
      'post-training-sparse-attention-with-double-sparsity',
    ]);
  });
});

describe('--dry-run', () => {
  it('writes nothing into an empty dir but reports what a real import reports', async () => {
    const dry = await tempDir();
    const dryPlans = await importSeed(dry, { dryRun: true });
    expect(await snapshotDir(dry)).toEqual({});
    const real = await tempDir();
    expect(dryPlans).toEqual(await importSeed(real));
    expect(summaries(dryPlans)).toEqual([SEED_SUMMARY]);
  });

  it('writes nothing into a populated dir but reports what a real import then reports', async () => {
    const contentDir = await seededContentDir();
    const before = await snapshotDir(contentDir);
    const text = secondDigest().text;
    const dry = summaries(await importText(contentDir, text, { dryRun: true }));
    expect(await snapshotDir(contentDir)).toEqual(before);
    expect(dry).toEqual(summaries(await importText(contentDir, text)));
    expect(dry).toEqual(['2026-03-15: 71 papers (3 new, 68 already known)']);
  });
});
