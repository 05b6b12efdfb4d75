/** /about/ on the built fixture: the sources it was imported from, upvotes and rank, topics, subscribing; linked from every footer. */
import { describe, expect, it, inject } from 'vitest';
import { htmlPages, loadPage } from '../helpers/dist.ts';

const { fixture, shipped } = inject('builds');

describe('the about page', () => {
  const $ = loadPage(fixture, '/about/');
  const text = $('main').text().replace(/\s+/g, ' ');

  it('says where the papers came from, counted from the content', () => {
    const sources = $('main ul').first().find('li').map((_, e) => $(e).text().replace(/\s+/g, ' ')).get();
    // The fixture: one paper with Hugging Face data (upvotes, comments), 53 with title and abstract only.
    expect(sources).toHaveLength(2);
    expect(sources[0]).toMatch(/^53 papers from the Hugging Face Daily Papers page copied as plain text, or written by hand, on 3 days from March 12, 2026 to March 14, 2026/);
    expect(sources[1]).toMatch(/^1 paper from the Hugging Face Daily Papers API .* on 2 days from March 12, 2026 to March 14, 2026/);
  });

  it('names a single day as a day, not as a range from it to itself (the shipped seed day)', () => {
    const about = loadPage(shipped, '/about/');
    const plainText = about('main ul').first().find('li').map((_, e) => about(e).text().replace(/\s+/g, ' ')).get().find((source) => source.includes('copied as plain text'));
    expect(plainText).toMatch(/^71 papers from the Hugging Face Daily Papers page copied as plain text, or written by hand, on March 14, 2026:/);
  });

  it('explains upvotes, rank and topics, and links the topics and the subscribe page', () => {
    expect(text).toContain("position on that day's list, in the order the source published it. Upvotes are");
    expect(text).toContain('counts only grow');
    expect($('main a[href="/topics/"]').text()).toBe('3 topics');
    expect($('main a[href="/subscribe/"]')).toHaveLength(1);
  });

  it('is linked from the footer of every page', () => {
    for (const path of htmlPages(fixture)) {
      const page = loadPage(fixture, path);
      expect(page('footer a[href="/about/"]').text(), path).toBe('About');
    }
  });
});
