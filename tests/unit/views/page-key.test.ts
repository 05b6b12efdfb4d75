import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildSiteModel, type SiteSources } from '#/lib/site-model.ts';
import { pageKey } from '#/lib/views/page-key.ts';
import { digestPageView } from '#/lib/views/digest-page.ts';
import { topicPageView } from '#/lib/views/topic-page.ts';
import { loadedSources } from '../../helpers/site-sources.ts';

const topics: SiteSources['topics'] = [
  { id: 'misc', data: { id: 'misc', name: 'Misc', description: 'Anything.', match: { phrases: ['anything'], patterns: [], exclude: [], titlePhrases: [] } } },
];

/** Two papers on one day; the first paper's file says how many upvotes Hugging Face counts today. */
function site(fileUpvotes: number, title = 'Anything goes') {
  return buildSiteModel(
    loadedSources({
      topics,
      papers: [
        { id: 'a', data: { title, upvotes: fileUpvotes }, body: 'Anything at all.' },
        { id: 'b', data: { title: 'Anything else' }, body: 'Anything more.' },
      ],
      digests: [{ id: '2026-03-02', data: { date: '2026-03-02', papers: ['a', 'b'], upvotes: { a: 5 } } }],
    }),
    { excerptLength: 40, relatedPapers: 2 },
  );
}

const topicKey = (model: ReturnType<typeof site>) => {
  const topic = model.topicsById.get('misc')!;
  return pageKey(topicPageView(topic, { currentPage: 1, lastPage: 1, start: 0, data: topic.papers }));
};
const digestKey = (model: ReturnType<typeof site>) => pageKey(digestPageView(model.digests[0]!, new URL('https://papers.example.org')));

describe('page keys follow what the page shows', () => {
  it('a topic page, whose cards show the highest upvotes known, is rendered again when a re-import raises them', () => {
    expect(topicKey(site(12))).not.toBe(topicKey(site(40)));
  });

  it('a digest page, whose cards show the upvotes of its own day, is reused when only the paper file’s count grows', () => {
    expect(digestKey(site(12))).toBe(digestKey(site(40)));
  });

  it('both are rendered again when a card’s title changes', () => {
    expect(topicKey(site(12))).not.toBe(topicKey(site(12, 'Anything goes, revised')));
    expect(digestKey(site(12))).not.toBe(digestKey(site(12, 'Anything goes, revised')));
  });
});

describe('pageKey', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('changes with the view and with the origin and base path every link is written with', () => {
    const view = { title: 'Papers of March 14, 2026' };
    vi.stubEnv('SITE', 'https://papers.example.org');
    vi.stubEnv('BASE_URL', '/');
    const key = pageKey(view);
    expect(pageKey({ ...view })).toBe(key);
    expect(pageKey({ title: 'Papers of March 13, 2026' })).not.toBe(key);
    vi.stubEnv('SITE', 'https://mirror.example.org');
    expect(pageKey(view)).not.toBe(key);
    vi.stubEnv('SITE', 'https://papers.example.org');
    vi.stubEnv('BASE_URL', '/papertide/');
    expect(pageKey(view)).not.toBe(key);
  });
});
