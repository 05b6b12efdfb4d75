import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildSite, scratchDir } from '../helpers/build-site.ts';
import { writeFixtureContent } from '../helpers/fixture-content.ts';
import { loadPage } from '../helpers/dist.ts';

describe('the taxonomy keeps the order of its file', () => {
  // Regression: the content store sorts entries by id, which put "alpha" before "zeta"
  // whatever topics.yaml said, changing both the index order and which topic wins a tie.
  it('lists topics in file order and gives a tie to the earlier topic', async () => {
    const contentDir = join(scratchDir, 'taxonomy-order-content');
    const outDir = join(scratchDir, 'dist-taxonomy-order');
    await writeFixtureContent(contentDir, {
      topics: [
        { id: 'zeta', name: 'Zeta', description: 'Zeta papers.', match: { phrases: ['zeta'] } },
        { id: 'alpha', name: 'Alpha', description: 'Alpha papers.', match: { phrases: ['alpha'] } },
      ],
      papers: [{ slug: 'tie', frontMatter: { title: 'Zeta meets alpha' }, body: 'Nothing else.' }],
      digests: [{ date: '2026-03-14', papers: ['tie'] }],
    });
    const result = await buildSite({ contentDir, outDir });
    expect(result.code, result.output).toBe(0);
    const index = loadPage(outDir, '/topics/');
    expect(index('.topic-list h2 a').map((_, e) => index(e).text()).get()).toEqual(['Zeta', 'Alpha']);
    const paper = loadPage(outDir, '/papers/tie/');
    expect(paper('.tags a').map((_, e) => paper(e).text()).get()).toEqual(['Zeta', 'Alpha']);
  });
});
