import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keepPaperCache, readPaperCache, writePaperCache, type CachedPaper } from '#/lib/paper-cache-file.ts';

const paper = (title: string): CachedPaper => ({
  digest: `digest of ${title}`,
  data: { title } as CachedPaper['data'],
  html: `<p>${title}</p>`,
  metadata: { text: title, topics: ['agents'] },
});

describe('the paper cache file', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'papertide-paper-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what was written, and nothing from a missing or broken file', async () => {
    const file = join(dir, 'papers.json');
    expect(readPaperCache(file).size).toBe(0);
    await writePaperCache(file, new Map([['one', paper('One')]]));
    expect(readPaperCache(file).get('one')).toEqual(paper('One'));
  });

  it('hands what the loader kept to the next read of the same file, once, without reading the file again', async () => {
    const file = join(dir, 'kept.json');
    await writePaperCache(file, new Map([['one', paper('One')]]));
    const kept = new Map([['one', paper('One')]]);
    keepPaperCache(join(dir, '.', 'kept.json'), kept);
    expect(readPaperCache(join(dir, 'other.json')).size, 'another file is read as it is').toBe(0);
    expect(readPaperCache(file), 'the same papers, not a second parse of them').toBe(kept);
    expect(readPaperCache(file), 'afterwards the file again').not.toBe(kept);
    expect(readPaperCache(file)).toEqual(kept);
  });
});
