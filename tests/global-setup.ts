import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, repoRoot, scratchDir, type BuildOptions } from './helpers/build-site.ts';
import { readingFixture, writeFixtureContent, writeImportedContent } from './helpers/fixture-content.ts';
import { periodsFixture } from './helpers/periods-fixture.ts';

export interface Builds {
  /** The small fixture site, at the domain root. */
  fixture: string;
  /** The same site deployed under /sub/, built with THUMBNAILS=off (as an offline mirror would be). */
  fixtureSub: string;
  /** The site from the shipped content/, as `npm run build` makes it. */
  shipped: string;
  /** Weeks and months around the ISO year boundary (tests/helpers/periods-fixture.ts). */
  periods: string;
  /** A few hundred real papers (tests/fixtures/search-quality/), imported with the importer: search quality is measured on it, with the index in tiers (the default). */
  searchQuality: string;
  /** The same papers with the search index in one bundle (SEARCH_SHARDS=single): search quality must hold there too. */
  searchQualitySingle: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    builds: Builds;
  }
}

/** Builds each site once for every test file that reads built output. */
export default async function setup(project: TestProject): Promise<void> {
  const fixtureContent = join(scratchDir, 'fixture-content');
  await writeFixtureContent(fixtureContent, readingFixture());
  const periodsContent = join(scratchDir, 'periods-content');
  await writeFixtureContent(periodsContent, periodsFixture());
  const searchQualityContent = join(scratchDir, 'search-quality-content');
  await writeImportedContent(searchQualityContent, join(repoRoot, 'tests', 'fixtures', 'search-quality'));
  const builds: Builds = {
    fixture: join(scratchDir, 'dist-fixture'),
    fixtureSub: join(scratchDir, 'dist-fixture-sub'),
    shipped: join(scratchDir, 'dist-shipped'),
    periods: join(scratchDir, 'dist-periods'),
    searchQuality: join(scratchDir, 'dist-search-quality'),
    searchQualitySingle: join(scratchDir, 'dist-search-quality-single'),
  };
  const runs: BuildOptions[] = [
    { contentDir: fixtureContent, outDir: builds.fixture },
    { contentDir: fixtureContent, outDir: builds.fixtureSub, basePath: '/sub/', env: { THUMBNAILS: 'off' } },
    { contentDir: join(repoRoot, 'content'), outDir: builds.shipped },
    { contentDir: periodsContent, outDir: builds.periods },
    { contentDir: searchQualityContent, outDir: builds.searchQuality },
    { contentDir: searchQualityContent, outDir: builds.searchQualitySingle, env: { SEARCH_SHARDS: 'single' } },
  ];
  // One at a time: builds share the project's generated .astro/ types.
  for (const run of runs) {
    const result = await buildSite(run);
    if (result.code !== 0) throw new Error(`build of ${run.contentDir} into ${run.outDir} failed:\n${result.output}`);
  }
  project.provide('builds', builds);
}
