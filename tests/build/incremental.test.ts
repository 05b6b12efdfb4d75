import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { readdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { stripVTControlCharacters } from 'node:util';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { buildSite, scratchDir } from '../helpers/build-site.ts';
import { fixtureTopics, paperFileText, writeFixtureContent, type FixtureContent } from '../helpers/fixture-content.ts';
import { htmlPages, loadPage, pathExists } from '../helpers/dist.ts';
import { PAPER_CACHE_FILE } from '#/lib/paper-cache-file.ts';
import { git } from '../helpers/git.ts';

function site(): FixtureContent {
  return {
    topics: structuredClone(fixtureTopics),
    papers: ['one', 'two', 'three'].map((name) => ({
      slug: `paper-${name}`,
      frontMatter: { title: `Paper ${name} about alpha` },
      body: `An abstract about alpha and ${name}.`,
    })),
    digests: [{ date: '2026-03-13', papers: ['paper-one', 'paper-two', 'paper-three'] }],
  };
}

/** Every file of the output folder (as "/papers/x/index.html") with its modification time. */
const fileTimes = (outDir: string) =>
  new Map(
    readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = join(entry.parentPath, entry.name);
        return [`/${relative(outDir, file)}`, statSync(file, { bigint: true }).mtimeNs] as const;
      }),
  );

/**
 * The files a rebuild reused: a reused page is left in place, not written again. (Astro's log lists them too, but
 * pages built four at once interleave its lines.)
 */
const reused = (outDir: string, before: ReadonlyMap<string, bigint>) =>
  [...fileTimes(outDir)].filter(([file, time]) => before.get(file) === time).map(([file]) => file);

/** What the paper loader did, from its log line: `[papertide-papers] 3 files (2 known to git), 1 read, 1 parsed: 12 ms`. */
function loaderWork(log: string): { files: number; git: number; read: number; parsed: number } {
  const match = /\[papertide-papers\] (\d+) files \((\d+) known to git\), (\d+) read, (\d+) parsed/.exec(stripVTControlCharacters(log));
  if (!match) throw new Error(`no paper loader timings in the build output:\n${log}`);
  return { files: Number(match[1]), git: Number(match[2]), read: Number(match[3]), parsed: Number(match[4]) };
}

/** Gives every paper file an mtime an hour ago, old enough for the loader to trust its stamp on the next build. */
async function ageTheFiles(contentDir: string): Promise<void> {
  const papers = join(contentDir, 'papers');
  const anHourAgo = new Date(Date.now() - 3_600_000);
  for (const name of await readdir(papers)) await utimes(join(papers, name), anHourAgo, anHourAgo);
}

/** Every file of a build's search index, with its contents. */
const searchIndexFiles = (outDir: string) =>
  Object.fromEntries(
    readdirSync(join(outDir, 'pagefind'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name)).toString('base64')]),
  );

/** A fresh site whose paper files are an hour old (so their stamps are trusted), built once with a fresh cache. */
async function firstBuild(name: string) {
  const contentDir = join(scratchDir, `incremental-content-${name}`);
  const outDir = join(scratchDir, `dist-incremental-${name}`);
  await rm(`${outDir}-cache`, { recursive: true, force: true });
  const content = site();
  await writeFixtureContent(contentDir, content);
  await ageTheFiles(contentDir);
  const first = await buildSite({ contentDir, outDir });
  expect(first.code, first.output).toBe(0);
  return { contentDir, outDir, content, first };
}

/** The topic names a paper page shows. */
const tags = (outDir: string, slug: string) => {
  const page = loadPage(outDir, `/papers/${slug}/`);
  return page('.tags a').map((_, e) => page(e).text()).get();
};

describe('the daily rebuild reuses unchanged pages and re-renders changed ones', () => {
  it('after an edit and a new digest, every page shows the new content', async () => {
    const { contentDir, outDir, content } = await firstBuild('edit');

    content.papers[0]!.frontMatter.title = 'Paper one, retitled';
    content.papers.push({ slug: 'paper-four', frontMatter: { title: 'Paper four about beta' }, body: 'Beta.' });
    content.digests.push({ date: '2026-03-14', papers: ['paper-four', 'paper-three'] });
    await writeFixtureContent(contentDir, content);
    const before = fileTimes(outDir);
    const second = await buildSite({ contentDir, outDir });
    expect(second.code).toBe(0);

    // The edited paper, and the pages that show it, are rendered again.
    expect(loadPage(outDir, '/papers/paper-one/')('h1').text()).toBe('Paper one, retitled');
    expect(loadPage(outDir, '/digests/2026-03-13/')('.paper-title').first().text()).toBe('Paper one, retitled');
    expect(loadPage(outDir, '/papers/paper-two/')('a[rel=prev]').text()).toContain('Paper one, retitled');
    // The older digest now links to the new one; the new day exists.
    expect(loadPage(outDir, '/digests/2026-03-13/')('a[rel=next]').attr('href')).toBe('/digests/2026-03-14/');
    expect(loadPage(outDir, '/papers/paper-four/')('h1').text()).toBe('Paper four about beta');
    expect(loadPage(outDir, '/papers/paper-three/')('a[href="/digests/2026-03-14/"]')).toHaveLength(1);

    // The topic page and its feed show the new title.
    const topic = loadPage(outDir, '/topics/alpha/');
    expect(topic('.paper-title').map((_, e) => topic(e).text()).get()).toContain('Paper one, retitled');
    expect(readFileSync(join(outDir, 'topics', 'alpha', 'rss.xml'), 'utf8')).toContain('Paper one, retitled');

    // Nothing that changed was reused.
    const cached = reused(outDir, before);
    for (const path of ['/papers/paper-one/', '/papers/paper-two/', '/papers/paper-three/', '/digests/2026-03-13/', '/topics/alpha/']) {
      expect(cached, path).not.toContain(`${path}index.html`);
    }
    expect(cached).not.toContain('/topics/alpha/rss.xml');
  });

  it('a rebuild with nothing changed reuses every paper, digest and topic page and topic feed, and the search index', async () => {
    const { contentDir, outDir } = await firstBuild('same');
    const index = searchIndexFiles(outDir);
    const before = fileTimes(outDir);
    const again = await buildSite({ contentDir, outDir });
    expect(again.code).toBe(0);
    expect(reused(outDir, before)).toEqual(
      expect.arrayContaining([
        '/papers/paper-one/index.html',
        '/digests/2026-03-13/index.html',
        '/digests/2026-03-13/email.html',
        '/topics/alpha/index.html',
        '/topics/alpha/rss.xml',
      ]),
    );
    expect(loadPage(outDir, '/papers/paper-one/')('h1').text()).toBe('Paper one about alpha');
    // Pagefind did not run again, and the index it wrote last time is all there, unpruned.
    expect(stripVTControlCharacters(again.output)).toMatch(/search shard hot: 3 papers unchanged, kept/);
    expect(searchIndexFiles(outDir)).toEqual(index);
  });

  it('a rebuild reads only new and changed paper files, and forgets deleted ones', async () => {
    const { contentDir, outDir, content, first } = await firstBuild('stamps');
    expect(loaderWork(first.output)).toEqual({ files: 3, git: 0, read: 3, parsed: 3 });

    const unchanged = await buildSite({ contentDir, outDir });
    expect(unchanged.code, unchanged.output).toBe(0);
    expect(loaderWork(unchanged.output)).toEqual({ files: 3, git: 0, read: 0, parsed: 0 });

    // A fresh CI checkout: every file has a new mtime, the same bytes. Each is read and hashed again, none parsed.
    const checkout = new Date(Date.now() + 60_000);
    for (const name of readdirSync(join(contentDir, 'papers'))) await utimes(join(contentDir, 'papers', name), checkout, checkout);
    const touched = await buildSite({ contentDir, outDir });
    expect(touched.code, touched.output).toBe(0);
    expect(loaderWork(touched.output)).toEqual({ files: 3, git: 0, read: 3, parsed: 0 });

    // In place, so the other files keep their stamps: an edit of the same size (only the mtime changes),
    // a rename (which keeps the mtime) and a deletion.
    const papers = join(contentDir, 'papers');
    const one = content.papers[0]!;
    one.frontMatter.title = 'Paper uno about alpha';
    await writeFile(join(papers, 'paper-one.md'), paperFileText(one));
    await rename(join(papers, 'paper-two.md'), join(papers, 'paper-deux.md'));
    await rm(join(papers, 'paper-three.md'));
    await writeFile(join(contentDir, 'digests', '2026-03-13.yaml'), 'date: 2026-03-13\npapers: [paper-one, paper-deux]\n');
    const edited = await buildSite({ contentDir, outDir });
    expect(edited.code, edited.output).toBe(0);
    expect(loaderWork(edited.output)).toEqual({ files: 2, git: 0, read: 2, parsed: 2 });
    expect(loadPage(outDir, '/papers/paper-one/')('h1').text()).toBe('Paper uno about alpha');
    expect(loadPage(outDir, '/papers/paper-deux/')('h1').text()).toBe('Paper two about alpha');
    const digest = loadPage(outDir, '/digests/2026-03-13/');
    expect(digest('.paper-title').map((_, e) => digest(e).text()).get()).toEqual(['Paper uno about alpha', 'Paper two about alpha']);
  });

  it('after a fresh checkout of committed content, reads only the files git cannot vouch for', async () => {
    const { contentDir, outDir, content } = await firstBuild('git');
    git(contentDir, 'init', '-q');
    git(contentDir, 'add', '-A');
    git(contentDir, 'commit', '-q', '-m', 'Content');
    // As the daily workflow starts: a fresh clone where the content was (every file new to the file system).
    await rename(contentDir, `${contentDir}-origin`);
    git(scratchDir, 'clone', '-q', `${contentDir}-origin`, contentDir);
    await rm(`${contentDir}-origin`, { recursive: true });
    const checkout = await buildSite({ contentDir, outDir });
    expect(checkout.code, checkout.output).toBe(0);
    expect(loaderWork(checkout.output)).toEqual({ files: 3, git: 3, read: 0, parsed: 0 });

    // An edit not committed, and a new file git does not track: both read and parsed, the others still not read.
    const papers = join(contentDir, 'papers');
    content.papers[0]!.frontMatter.title = 'Paper uno about alpha';
    await writeFile(join(papers, 'paper-one.md'), paperFileText(content.papers[0]!));
    const four = { slug: 'paper-four', frontMatter: { title: 'Paper four about alpha' }, body: 'Alpha four.' };
    await writeFile(join(papers, 'paper-four.md'), paperFileText(four));
    await writeFile(join(contentDir, 'digests', '2026-03-14.yaml'), 'date: 2026-03-14\npapers: [paper-four]\n');
    const edited = await buildSite({ contentDir, outDir });
    expect(edited.code, edited.output).toBe(0);
    expect(loaderWork(edited.output)).toEqual({ files: 4, git: 2, read: 2, parsed: 2 });
    expect(loadPage(outDir, '/papers/paper-one/')('h1').text()).toBe('Paper uno about alpha');
    expect(loadPage(outDir, '/papers/paper-four/')('h1').text()).toBe('Paper four about alpha');

    // Committed, the same bytes are known to git by the id the loader gave them: nothing is parsed again.
    git(contentDir, 'add', '-A');
    git(contentDir, 'commit', '-q', '-m', 'Edit');
    const committed = await buildSite({ contentDir, outDir });
    expect(committed.code, committed.output).toBe(0);
    expect(loaderWork(committed.output)).toEqual({ files: 4, git: 4, read: 0, parsed: 0 });
  });

  it('reads the papers again when their cache beside the content store is lost or stale, and keeps them out of the store', async () => {
    const { contentDir, outDir } = await firstBuild('rendered');
    const cacheDir = `${outDir}-cache`;
    const cacheFile = join(cacheDir, PAPER_CACHE_FILE);
    const abstract = () => loadPage(outDir, '/papers/paper-one/')('.abstract').text().trim();
    expect(abstract()).toBe('An abstract about alpha and one.');
    // The store has each paper's id and digest, neither its front matter nor its rendered abstract.
    const store = readFileSync(join(cacheDir, 'data-store.json'), 'utf8');
    expect(store).toContain('paper-one');
    expect(store).not.toContain('Paper one about alpha');
    expect(store).not.toContain('An abstract about alpha');

    await rm(cacheFile);
    const lost = await buildSite({ contentDir, outDir });
    expect(lost.code, lost.output).toBe(0);
    expect(loaderWork(lost.output)).toEqual({ files: 3, git: 0, read: 3, parsed: 3 });
    expect(abstract()).toBe('An abstract about alpha and one.');

    // A cached paper made from other bytes than the entry's (a file restored from an older cache) is not used.
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, { digest: string; html: string }>;
    cached['paper-one'] = { ...cached['paper-one']!, digest: 'older', html: '<p>An older abstract.</p>' };
    await writeFile(cacheFile, JSON.stringify(cached));
    const stale = await buildSite({ contentDir, outDir });
    expect(stale.code, stale.output).toBe(0);
    expect(loaderWork(stale.output)).toEqual({ files: 3, git: 0, read: 1, parsed: 1 });
    expect(abstract()).toBe('An abstract about alpha and one.');
  });

  it('a changed taxonomy re-tags unchanged papers on a rebuild', async () => {
    const { contentDir, outDir, content } = await firstBuild('taxonomy');
    expect(tags(outDir, 'paper-one')).toEqual(['Alpha studies']);

    // "one" now also means beta: paper one mentions it as often as alpha, so it gets both.
    const beta = content.topics.find((topic) => topic.id === 'beta')!;
    beta.match = { phrases: ['beta', 'one'] };
    await writeFile(join(contentDir, 'topics.yaml'), stringify(content.topics));
    const second = await buildSite({ contentDir, outDir });
    expect(second.code, second.output).toBe(0);
    expect(tags(outDir, 'paper-one')).toEqual(['Alpha studies', 'Beta & more']);
    expect(tags(outDir, 'paper-two')).toEqual(['Alpha studies']);
    const topic = loadPage(outDir, '/topics/beta/');
    expect(topic('.paper-title').map((_, e) => topic(e).text()).get()).toEqual(['Paper one about alpha']);
    // The paper files are unchanged, stamps and all, yet every paper was tagged again.
    expect(loaderWork(second.output)).toEqual({ files: 3, git: 0, read: 3, parsed: 3 });
  });

  it('keeps the output folder: reused pages stay in place, what the site no longer has is removed', async () => {
    const { contentDir, outDir, content } = await firstBuild('removed');
    const fragments = readdirSync(join(outDir, 'pagefind', 'fragment')).length;

    content.papers = content.papers.filter((paper) => paper.slug !== 'paper-three');
    content.digests[0]!.papers = ['paper-one', 'paper-two'];
    await writeFixtureContent(contentDir, content);
    const before = fileTimes(outDir);
    const second = await buildSite({ contentDir, outDir });
    expect(second.code).toBe(0);

    // Reused pages were left where they were, not copied back from the cache.
    expect(reused(outDir, before)).toContain('/papers/paper-one/index.html');
    expect(stripVTControlCharacters(second.output)).not.toContain('(restored)');
    // The removed paper's page and search entry are gone, and nothing links to a missing page.
    expect(pathExists(outDir, '/papers/paper-three/')).toBe(false);
    expect(existsSync(join(outDir, 'papers', 'paper-three')), 'its emptied folder').toBe(false);
    expect(readdirSync(join(outDir, 'pagefind', 'fragment'))).toHaveLength(fragments - 1);
    const pages = htmlPages(outDir);
    expect(pages).not.toContain('/papers/paper-three/');
    for (const page of pages) {
      const $ = loadPage(outDir, page);
      for (const link of $('a[href^="/"]').toArray().map((a) => $(a).attr('href')!)) {
        expect(pathExists(outDir, link), `${page} links to ${link}`).toBe(true);
      }
    }
    // Files the build copies or writes each time are still there.
    for (const path of ['/favicon.svg', '/robots.txt', '/rss.xml', '/sitemap-index.xml', '/pagefind/pagefind.js']) {
      expect(pathExists(outDir, path), path).toBe(true);
    }
    expect(readdirSync(outDir)).not.toContain('.build-started');
  });
});
