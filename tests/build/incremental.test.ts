import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import { buildSite, scratchDir } from '../helpers/build-site.ts';
import { fixtureTopics, writeFixtureContent, type FixtureContent } from '../helpers/fixture-content.ts';
import { htmlPages, loadPage, pathExists } from '../helpers/dist.ts';

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

/** The pages a build reused from the previous one, as its log lists them (it shows `email.html` as `email.html/`). */
const reused = (log: string) =>
  stripVTControlCharacters(log)
    .split('\n')
    .filter((line) => /\((cached|restored)\)/.test(line))
    .map((line) => /(\/\S+)/.exec(line)?.[1]?.replace(/(\.\w+)\/$/, '$1'));

describe('the daily rebuild reuses unchanged pages and re-renders changed ones', () => {
  it('after an edit and a new digest, every page shows the new content', async () => {
    const contentDir = join(scratchDir, 'incremental-content');
    const outDir = join(scratchDir, 'dist-incremental');
    await rm(`${outDir}-cache`, { recursive: true, force: true });
    const content = site();
    await writeFixtureContent(contentDir, content);
    expect((await buildSite({ contentDir, outDir })).code).toBe(0);

    content.papers[0]!.frontMatter.title = 'Paper one, retitled';
    content.papers.push({ slug: 'paper-four', frontMatter: { title: 'Paper four about beta' }, body: 'Beta.' });
    content.digests.push({ date: '2026-03-14', papers: ['paper-four', 'paper-three'] });
    await writeFixtureContent(contentDir, content);
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

    // Nothing that changed was reused.
    const cached = reused(second.output);
    for (const path of ['/papers/paper-one/', '/papers/paper-two/', '/papers/paper-three/', '/digests/2026-03-13/']) {
      expect(cached, path).not.toContain(`${path}index.html`);
    }
  });

  it('a rebuild with nothing changed reuses every paper and digest page', async () => {
    const contentDir = join(scratchDir, 'incremental-content-same');
    const outDir = join(scratchDir, 'dist-incremental-same');
    await rm(`${outDir}-cache`, { recursive: true, force: true });
    await writeFixtureContent(contentDir, site());
    expect((await buildSite({ contentDir, outDir })).code).toBe(0);
    const again = await buildSite({ contentDir, outDir });
    expect(again.code).toBe(0);
    expect(reused(again.output)).toEqual(
      expect.arrayContaining(['/papers/paper-one/index.html', '/digests/2026-03-13/index.html', '/digests/2026-03-13/email.html']),
    );
    expect(loadPage(outDir, '/papers/paper-one/')('h1').text()).toBe('Paper one about alpha');
  });

  it('keeps the output folder: reused pages stay in place, what the site no longer has is removed', async () => {
    const contentDir = join(scratchDir, 'incremental-content-removed');
    const outDir = join(scratchDir, 'dist-incremental-removed');
    await rm(`${outDir}-cache`, { recursive: true, force: true });
    const content = site();
    await writeFixtureContent(contentDir, content);
    expect((await buildSite({ contentDir, outDir })).code).toBe(0);
    const fragments = readdirSync(join(outDir, 'pagefind', 'fragment')).length;

    content.papers = content.papers.filter((paper) => paper.slug !== 'paper-three');
    content.digests[0]!.papers = ['paper-one', 'paper-two'];
    await writeFixtureContent(contentDir, content);
    const second = await buildSite({ contentDir, outDir });
    expect(second.code).toBe(0);

    // Reused pages were left where they were, not copied back from the cache.
    expect(reused(second.output)).toContain('/papers/paper-one/index.html');
    expect(stripVTControlCharacters(second.output)).not.toContain('(restored)');
    // The removed paper's page and search entry are gone, and nothing links to a missing page.
    expect(pathExists(outDir, '/papers/paper-three/')).toBe(false);
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
