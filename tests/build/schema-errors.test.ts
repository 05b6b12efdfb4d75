import { describe, expect, it } from 'vitest';
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildSite, scratchDir } from '../helpers/build-site.ts';
import { fixtureTopics, writeFixtureContent, type FixtureContent } from '../helpers/fixture-content.ts';

/** Two papers and a digest: the smallest valid site, which each case breaks in one place. */
function smallSite(): FixtureContent {
  return {
    topics: structuredClone(fixtureTopics),
    papers: [
      { slug: 'first-paper', frontMatter: { title: 'First Paper about alpha' }, body: 'An abstract about alpha.' },
      { slug: 'second-paper', frontMatter: { title: 'Second Paper about beta' }, body: 'An abstract about beta.' },
    ],
    digests: [{ date: '2026-03-14', papers: ['first-paper', 'second-paper'] }],
  };
}

const cases: Array<{ name: string; breakIt: (site: FixtureContent) => void; expected: RegExp[] }> = [
  {
    name: 'a paper without a title',
    breakIt: (site) => delete site.papers[1]!.frontMatter.title,
    expected: [/second-paper\.md/, /title/],
  },
  {
    name: 'a javascript: link',
    breakIt: (site) => (site.papers[0]!.frontMatter.links = { code: 'javascript:alert(1)' }),
    expected: [/first-paper\.md/, /links\.code/, /http\(s\)/],
  },
  {
    name: 'a digest naming a missing paper',
    breakIt: (site) => site.digests[0]!.papers.push('no-such-paper'),
    expected: [/digests\/2026-03-14\.yaml/, /papers\[2\]/, /no paper "no-such-paper"/],
  },
  {
    name: 'an unknown topic id',
    breakIt: (site) => (site.papers[0]!.frontMatter.topics = ['alpha', 'astrology']),
    expected: [/first-paper\.md/, /topics\[1\]/, /unknown topic "astrology"/],
  },
  {
    name: 'a duplicate slug',
    breakIt: (site) => site.papers.push({ slug: 'nested/first-paper', frontMatter: { title: 'Copy' }, body: 'Copy.' }),
    expected: [/duplicate slug "first-paper"/, /papers\/nested\/first-paper\.md/],
  },
  {
    name: 'a taxonomy topic with no rules',
    breakIt: (site) => (site.topics[1]!.match = {}),
    expected: [/topics\.yaml/, /"beta" has no match phrases or patterns/],
  },
  {
    name: 'an impossible digest date',
    breakIt: (site) => (site.digests[0]!.date = '2026-02-30'),
    expected: [/2026-02-30/, /date/],
  },
];

describe('content that breaks the schema fails the build, naming the file and field', () => {
  it.each(cases)('$name', async ({ breakIt, expected }) => {
    const site = smallSite();
    breakIt(site);
    const name = expected[0]!.source.replace(/\W+/g, '-');
    const contentDir = join(scratchDir, `schema-${name}`);
    await writeFixtureContent(contentDir, site);
    const result = await buildSite({ contentDir, outDir: join(scratchDir, `dist-schema-${name}`) });
    expect(result.code).not.toBe(0);
    for (const pattern of expected) expect(result.output).toMatch(pattern);
  });

  it('a paper whose front matter is not valid YAML', async () => {
    const contentDir = join(scratchDir, 'schema-bad-yaml');
    await writeFixtureContent(contentDir, smallSite());
    await writeFile(join(contentDir, 'papers', 'second-paper.md'), '---\ntitle: Second Paper\nauthors: [unclosed\n---\n\nAbstract.\n');
    const result = await buildSite({ contentDir, outDir: join(scratchDir, 'dist-schema-bad-yaml') });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/second-paper\.md:\d+: front matter is not valid YAML/);
  });

  it('a missing taxonomy file', async () => {
    const contentDir = join(scratchDir, 'schema-no-taxonomy');
    await writeFixtureContent(contentDir, smallSite());
    await rm(join(contentDir, 'topics.yaml'));
    const result = await buildSite({ contentDir, outDir: join(scratchDir, 'dist-schema-no-taxonomy') });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/topics\.yaml/);
  });

  it('a topic model file that is not valid JSON', async () => {
    const contentDir = join(scratchDir, 'schema-bad-topic-model');
    await writeFixtureContent(contentDir, smallSite());
    await writeFile(join(contentDir, 'topic-model.json'), '{ "about": ');
    const result = await buildSite({ contentDir, outDir: join(scratchDir, 'dist-schema-bad-topic-model') });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/topic-model\.json: not valid JSON .*run npm run topics:train/);
  });

  it('the unbroken site builds', async () => {
    const contentDir = join(scratchDir, 'schema-valid');
    await writeFixtureContent(contentDir, smallSite());
    const result = await buildSite({ contentDir, outDir: join(scratchDir, 'dist-schema-valid') });
    expect(result.output).not.toMatch(/error/i);
    expect(result.code).toBe(0);
  });
});

describe('a topic model trained for another taxonomy', () => {
  it('is not used: the site builds by the rules alone, and says so', async () => {
    const contentDir = join(scratchDir, 'schema-stale-topic-model');
    await writeFixtureContent(contentDir, smallSite());
    await copyFile(fileURLToPath(new URL('../../content/topic-model.json', import.meta.url)), join(contentDir, 'topic-model.json'));
    const result = await buildSite({ contentDir, outDir: join(scratchDir, 'dist-schema-stale-topic-model') });
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/topic-model\.json was trained for another .*topics\.yaml: the rules alone assign topics until `npm run topics:train`/);
  });
});
