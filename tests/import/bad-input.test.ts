import { describe, it, expect } from 'vitest';
import { stat, truncate } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MAX_FILE_BYTES } from '#/lib/import/read-input.ts';
import { InputError } from '#/lib/import/input-error.ts';
import { describeDigestPlan, runImport } from '#/lib/import/run-import.ts';
import {
  REPO_ROOT,
  SEED_PAPERS,
  SEED_PATH,
  SEED_SUMMARY,
  SEED_TEXT,
  TODAY,
  escapeRegExp,
  importSeed,
  renderDigest,
  runCli,
  secondDigest,
  seedDigest,
  snapshotDir,
  tempDir,
  useCliCompileCache,
  useSeededContentDirs,
  writeInput,
  type CliResult,
} from './helpers.ts';

useCliCompileCache();
const seededContentDir = useSeededContentDirs();

/** The seed as bytes, with `marker` (placed in the text) replaced by raw bytes. */
function withBytes(text: string, marker: string, bytes: readonly number[]): Buffer {
  const [before, after, ...rest] = text.split(marker);
  if (after === undefined || rest.length > 0) throw new Error(`marker ${marker} must occur exactly once`);
  return Buffer.concat([Buffer.from(before!), Buffer.from(bytes), Buffer.from(after)]);
}

/** The seed with one paper's abstract replaced (or removed, with `undefined`). */
function seedWithAbstract(index: number, abstract: string | undefined) {
  return renderDigest({
    papers: SEED_PAPERS.map((paper, at) => (at === index ? { ...paper, abstract } : paper)),
    dateLine: 'Mar 14',
  });
}

interface BadInput {
  /** The CLI's arguments, without `--content-dir`: bare paths, `--date X`, or flags. */
  args: string[];
  /** How stderr starts: `file:line: ` or `file: `. */
  location?: string;
  /** What stderr must say. */
  problem: RegExp;
  /** What stderr must not say. */
  not?: RegExp;
}

/** Each of these runs through the real CLI. */
const BAD_INPUTS: Record<string, () => Promise<BadInput>> = {
  'an empty file': async () => {
    const file = await writeInput('empty.txt', '');
    return { args: [file, '--date', '2026-03-14'], location: `${file}:1: `, problem: /the file is empty/ };
  },
  'binary data: a NUL byte': async () => {
    const digest = seedWithAbstract(0, `${SEED_PAPERS[0]!.abstract} \u0000 trailing`);
    const file = await writeInput('nul.txt', digest.text);
    return { args: [file], location: `${file}:${digest.abstractLines[0]}: `, problem: /binary data \(a NUL byte\)/ };
  },
  'binary data: invalid UTF-8 (a Latin-1 é)': async () => {
    const digest = seedWithAbstract(3, 'An abstract about caf@@ culture.');
    const file = await writeInput('latin1.txt', withBytes(digest.text, '@@', [0xe9]));
    return { args: [file], location: `${file}:${digest.abstractLines[3]}: `, problem: /not valid UTF-8/ };
  },
  'no date line and no --date': async () => {
    const file = await writeInput('undated.txt', seedDigest({ dateLine: undefined }).text);
    return { args: [file], location: `${file}:1: `, problem: /no date line .*pass --date YYYY-MM-DD/ };
  },
  'an impossible --date': async () => ({
    args: [SEED_PATH, '--date', '2026-02-30'],
    location: '--date: ',
    problem: /"2026-02-30" is not a real date/,
  }),
  'a --date that disagrees with the date line': async () => {
    const file = relative(REPO_ROOT, SEED_PATH); // as a maintainer types it
    return {
      args: [file, '--date', '2026-03-15'],
      location: `${file}:9: `,
      problem: /the date line says Mar 14 but --date is 2026-03-15/,
    };
  },
  'a title with no abstract, at the end': async () => {
    const digest = seedWithAbstract(70, undefined);
    const file = await writeInput('no-abstract-end.txt', digest.text);
    const title = SEED_PAPERS[70]!.title;
    return {
      args: [file],
      location: `${file}:${digest.titleLines[70]}: `,
      problem: new RegExp(`the title "${escapeRegExp(title)}" has no abstract`),
    };
  },
  'a title with no abstract, in the middle': async () => {
    // Paper 4 (title at line 27) loses its abstract: paper 5's title reads as its
    // abstract, and paper 5's abstract (line 31) stands where a title should be.
    const digest = seedWithAbstract(4, undefined);
    const file = await writeInput('no-abstract-middle.txt', digest.text);
    expect(digest.titleLines[4]).toBe(27);
    expect(digest.titleLines[5]! + 2).toBe(31);
    const title = escapeRegExp(SEED_PAPERS[4]!.title);
    return {
      args: [file],
      location: `${file}:31: `,
      problem: new RegExp(`expected a title but found a \\d+-character paragraph \\(the paper "${title}" at line 27 may be missing its abstract\\)`),
    };
  },
  'two entries with the same title and different abstracts': async () => {
    const papers = [...SEED_PAPERS.slice(0, 5), { title: SEED_PAPERS[1]!.title, abstract: 'Another abstract under a copied title.' }];
    const digest = renderDigest({ papers, dateLine: 'Mar 14' });
    const file = await writeInput('same-title.txt', digest.text);
    return {
      args: [file],
      location: `${file}:${digest.titleLines[5]}: `,
      problem: new RegExp(
        `the title "${escapeRegExp(SEED_PAPERS[1]!.title)}" is also at line ${digest.titleLines[1]}, with a different abstract; ` +
          "in a plain-text digest the title is the paper's identity.*delete the wrong entry, or make the titles differ",
      ),
    };
  },
  'a date line that is not a date': async () => {
    const digest = seedDigest({ dateLine: 'Someday soon' });
    const file = await writeInput('someday.txt', digest.text);
    return {
      args: [file],
      location: `${file}:${digest.dateLineNumber}: `,
      problem: /"Someday soon" is not a date line: a date line gives the month and day, like "Mar 14"/,
      not: /abstract/,
    };
  },
  'a line over 100 KB': async () => {
    const digest = seedWithAbstract(2, 'long '.repeat(21_000));
    const file = await writeInput('long-line.txt', digest.text);
    return { args: [file], location: `${file}:${digest.abstractLines[2]}: `, problem: /line is 10\d KB, over the 100 KB limit/ };
  },
  'a file over 20 MB': async () => {
    const file = await writeInput('huge.txt', SEED_TEXT);
    await truncate(file, 25 * 1024 * 1024); // sparse: nothing big is written
    const { size, blocks } = await stat(file);
    expect(size).toBe(25 * 1024 * 1024);
    expect(blocks * 512).toBeLessThan(1024 * 1024);
    // Read whole, its NUL bytes would be reported as binary data: the size alone refuses it.
    return { args: [file], location: `${file}: `, problem: /is 25\.0 MB, over the 20 MB limit/, not: /binary|NUL/ };
  },
  'a directory': async () => {
    const dir = await tempDir('papertide-input-');
    return { args: [dir], location: `${dir}: `, problem: /is a directory/ };
  },
  'a missing path': async () => {
    const file = join(await tempDir('papertide-input-'), 'missing.txt');
    return { args: [file], location: `${file}: `, problem: /no such file/ };
  },
  'an unknown flag': async () => ({ args: [SEED_PATH, '--bogus'], problem: /Unknown option '--bogus'[\s\S]*usage: npm run import/ }),
  '--date without its value': async () => ({ args: [SEED_PATH, '--date'], problem: /--date[\s\S]*usage: npm run import/ }),
  'no input file': async () => ({ args: ['--date', '2026-03-14'], location: 'import: ', problem: /no input files given/ }),
  'two files, the second bad: nothing of the first is written': async () => {
    const good = await writeInput('second.txt', secondDigest().text); // alone, it adds 3 papers and a digest
    const bad = await writeInput('bad.txt', seedWithAbstract(70, undefined).text.replace('Mar 14', 'Mar 16'));
    return { args: [good, bad], location: `${bad}:291: `, problem: /has no abstract/ };
  },
};

/**
 * More bad input, of the kinds the CLI cases above show it reports verbatim
 * (`file:line: problem`, exit 1): checked in-process, where a run costs
 * milliseconds instead of a Node start-up. `args` here are file paths and `--date X` only.
 */
const MORE_BAD_INPUTS: Record<string, () => Promise<BadInput>> = {
  'a file of blank lines': async () => {
    const file = await writeInput('blank.txt', '\n  \n\t\r\n\n');
    return { args: [file, '--date', '2026-03-14'], location: `${file}:1: `, problem: /empty/ };
  },
  'binary data: a UTF-16 file (every other byte NUL)': async () => {
    const file = await writeInput('utf16.txt', Buffer.from(`\uFEFF${SEED_TEXT}`, 'utf16le'));
    return { args: [file], location: `${file}:1: `, problem: /binary data/ };
  },
  'binary data: a UTF-8 sequence cut off at the end of the file': async () => {
    const file = await writeInput('cut.txt', Buffer.concat([Buffer.from(SEED_TEXT), Buffer.from([0xe2, 0x82])]));
    return { args: [file], location: `${file}:${seedDigest().abstractLines.at(-1)}: `, problem: /not valid UTF-8/ };
  },
  // BUG (reported): read-input.ts finds the line of invalid UTF-8 by looking for the first
  // U+FFFD in the decoded text, so a real U+FFFD earlier in the file moves the line there.
  'binary data: invalid UTF-8 after a genuine U+FFFD character': async () => {
    const papers = SEED_PAPERS.map((paper, at) =>
      at === 1 ? { ...paper, abstract: 'Copied from a page with a broken glyph \uFFFD here.' } : at === 5 ? { ...paper, abstract: 'Bad @@ byte.' } : paper,
    );
    const digest = renderDigest({ papers, dateLine: 'Mar 14' });
    const file = await writeInput('fffd.txt', withBytes(digest.text, '@@', [0xff]));
    return { args: [file], location: `${file}:${digest.abstractLines[5]}: `, problem: /not valid UTF-8/ };
  },
  'the same paper listed twice': async () => {
    const digest = renderDigest({ papers: [...SEED_PAPERS.slice(0, 3), SEED_PAPERS[0]!], dateLine: 'Mar 14' });
    const file = await writeInput('twice.txt', digest.text);
    return {
      args: [file],
      location: `${file}:${digest.titleLines[3]}: `,
      problem: new RegExp(`is also at line ${digest.titleLines[0]}, with the same abstract: the paper is listed twice; delete one`),
    };
  },
  'the same title differing only in case and punctuation': async () => {
    const papers = [...SEED_PAPERS.slice(0, 3), { title: `${SEED_PAPERS[2]!.title.toUpperCase()}!`, abstract: 'A different abstract.' }];
    const digest = renderDigest({ papers, dateLine: 'Mar 14' });
    const file = await writeInput('case.txt', digest.text);
    return { args: [file], location: `${file}:${digest.titleLines[3]}: `, problem: new RegExp(`is also at line ${digest.titleLines[2]}, with a different abstract`) };
  },
  'a date line that is not a date, in a file of one paper': async () => {
    const digest = renderDigest({ papers: SEED_PAPERS.slice(0, 1), dateLine: 'Tomorrow', chrome: [] });
    const file = await writeInput('tomorrow.txt', digest.text);
    return { args: [file], location: `${file}:1: `, problem: /"Tomorrow" is not a date line.*like "Mar 14"/ };
  },
  'a date line naming a day that does not exist': async () => {
    const digest = seedDigest({ dateLine: 'Feb 30' });
    const file = await writeInput('feb30.txt', digest.text);
    return { args: [file], location: `${file}:${digest.dateLineNumber}: `, problem: /does not exist/ };
  },
  'two files giving the same day': async () => {
    const copy = await writeInput('copy.txt', SEED_TEXT);
    return { args: [SEED_PATH, copy], location: `${copy}: `, problem: /gives the digest 2026-03-14 that .* gives too/ };
  },
  'a file of exactly 20 MB is not refused for its size (but for its NUL bytes)': async () => {
    const file = await writeInput('twenty.txt', SEED_TEXT);
    await truncate(file, MAX_FILE_BYTES);
    return { args: [file], location: `${file}:${seedDigest().abstractLines.at(-1)}: `, problem: /binary data \(a NUL byte\)/, not: /MB/ };
  },
};

/** What the CLI does with runImport's outcome, without starting Node. */
async function runInProcess(args: readonly string[], contentDir: string): Promise<CliResult> {
  const dateAt = args.indexOf('--date');
  const date = dateAt === -1 ? undefined : args[dateAt + 1];
  const files = dateAt === -1 ? args : args.filter((_, index) => index !== dateAt && index !== dateAt + 1);
  try {
    const plans = await runImport({ files, contentDir, date, today: TODAY });
    return { status: 0, stdout: plans.map((plan) => `${describeDigestPlan(plan)}\n`).join(''), stderr: '' };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { status: 1, stdout: '', stderr: `${error.message}\n` };
  }
}

function expectRefused(result: CliResult, bad: BadInput): void {
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  if (bad.location !== undefined) {
    expect(result.stderr.startsWith(bad.location), `stderr should start with "${bad.location}":\n${result.stderr}`).toBe(true);
    expect(result.stderr.trimEnd().split('\n'), 'one line, no stack trace').toHaveLength(1);
  }
  expect(result.stderr).toMatch(bad.problem);
  if (bad.not) expect(result.stderr).not.toMatch(bad.not);
}

/** One test per case: the import is refused as the case says, and the seeded content/ is unchanged. */
function refusesEach(cases: Record<string, () => Promise<BadInput>>, run: (args: readonly string[], contentDir: string) => CliResult | Promise<CliResult>): void {
  for (const [name, make] of Object.entries(cases)) {
    it(name, async () => {
      const contentDir = await seededContentDir();
      const before = await snapshotDir(contentDir);
      const bad = await make();
      expectRefused(await run(bad.args, contentDir), bad);
      expect(await snapshotDir(contentDir)).toEqual(before);
    });
  }
}

describe('the CLI refuses bad input and leaves content/ as it was', () => {
  refusesEach(BAD_INPUTS, (args, contentDir) => runCli([...args, '--content-dir', contentDir]));

  it('two files, the second bad, into an empty dir: the dir stays empty', async () => {
    const contentDir = await tempDir();
    const bad = await writeInput('bad.txt', '');
    const result = runCli([SEED_PATH, bad, '--date', '2026-03-14', '--content-dir', contentDir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`${bad}:1: the file is empty\n`);
    expect(await snapshotDir(contentDir)).toEqual({});
  });
});

describe('the importer refuses more bad input and leaves content/ as it was', () => {
  refusesEach(MORE_BAD_INPUTS, runInProcess);
});

describe('the CLI on good input', () => {
  it('prints exactly the summary line, creating the content dir', async () => {
    const contentDir = join(await tempDir(), 'content');
    const result = runCli([relative(REPO_ROOT, SEED_PATH), '--date', '2026-03-14', '--content-dir', contentDir]);
    expect(result).toEqual({ status: 0, stdout: `${SEED_SUMMARY}\n`, stderr: '' });
    // It writes what the importer writes.
    const inProcess = await tempDir();
    await importSeed(inProcess);
    expect(await snapshotDir(contentDir)).toEqual(await snapshotDir(inProcess));
  });

  it('prints one summary line per digest, and the re-import summary', async () => {
    const contentDir = await seededContentDir();
    const second = await writeInput('second.txt', secondDigest().text);
    const result = runCli([SEED_PATH, second, '--content-dir', contentDir]);
    expect(result).toEqual({
      status: 0,
      stdout:
        '2026-03-14: 71 papers (0 new, 71 already known; digest already imported, kept as it is)\n' +
        '2026-03-15: 71 papers (3 new, 68 already known)\n',
      stderr: '',
    });
  });

  it('--dry-run prints the same summary, says nothing was written, and writes nothing', async () => {
    const contentDir = join(await tempDir(), 'not-yet');
    const result = runCli([SEED_PATH, '--date', '2026-03-14', '--dry-run', '--content-dir', contentDir]);
    expect(result).toEqual({ status: 0, stdout: `${SEED_SUMMARY}\ndry run: nothing was written\n`, stderr: '' });
    await expect(stat(contentDir)).rejects.toThrow(/ENOENT/);
  });
});
