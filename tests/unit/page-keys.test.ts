import { describe, expect, it } from 'vitest';
import { buildSiteModel, type SiteSources } from '../../src/lib/site-model.ts';
import { digestPageKey, topicPageKey } from '../../src/lib/page-keys.ts';
import { loadedSources } from '../helpers/site-sources.ts';

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
  return topicPageKey(topic, { currentPage: 1, lastPage: 1, start: 0, data: topic.papers });
};
const digestKey = (model: ReturnType<typeof site>) => digestPageKey(model.digests[0]!);

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
