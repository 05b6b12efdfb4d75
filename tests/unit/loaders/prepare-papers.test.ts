import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { prepareAll } from '#/loaders/prepare-papers.ts';
import { fixtureTopics } from '../../helpers/fixture-content.ts';

describe('prepareAll: paper files parsed, rendered and tagged, in worker threads when there are many', () => {
  const taxonomy = stringify(fixtureTopics);
  const file = (frontMatter: string, abstract: string) => `---\n${frontMatter}\n---\n\n${abstract}\n`;
  const sources = [
    { filePath: 'content/papers/a.md', contents: file('title: Alpha results', 'An abstract about *alpha*.') },
    { filePath: 'content/papers/b.md', contents: file('title: Hand-tagged\ntopics: [beta]', 'About alpha, but tagged by hand.') },
    { filePath: 'content/papers/c.md', contents: file('title: [unclosed', 'Broken.') },
    { filePath: 'content/papers/d.md', contents: file('title: Beta & more\nkeywords: [beta]', 'A <SEG> token & beta.') },
    { filePath: 'content/papers/e.md', contents: 'No front matter.' },
  ];

  it('gives the same answers, in order, in two workers as in this thread', async () => {
    const inThread = await prepareAll(sources, taxonomy, undefined, 1);
    const inWorkers = await prepareAll(sources, taxonomy, undefined, 2);
    expect(inWorkers).toEqual(inThread);

    const [alpha, handTagged, broken, beta, bare] = inWorkers;
    expect(alpha).toMatchObject({ paper: { frontMatter: { title: 'Alpha results' }, topics: ['alpha'] } });
    expect(alpha && 'paper' in alpha && alpha.paper.html).toBe('<p>An abstract about <em>alpha</em>.</p>');
    // Hand-set topics are the schema's business; nothing is assigned.
    expect(handTagged && 'paper' in handTagged && handTagged.paper.topics).toBeUndefined();
    expect(broken).toEqual({ error: expect.stringMatching(/^content\/papers\/c\.md:3: front matter is not valid YAML: unexpected end/) });
    expect(beta).toMatchObject({ paper: { text: 'A <SEG> token & beta.', topics: ['beta'] } });
    expect(bare).toEqual({ error: 'content/papers/e.md:1: no front matter (a paper file starts with a --- block)' });
  });

  it('assigns no topics without a valid taxonomy', async () => {
    for (const broken of [undefined, '- id: [unclosed']) {
      const [alpha] = await prepareAll(sources.slice(0, 1), broken, undefined, 2);
      expect(alpha && 'paper' in alpha && alpha.paper.topics).toBeUndefined();
    }
  });
});
