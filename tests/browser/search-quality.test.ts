import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { serveDist, type StaticServer } from '../helpers/static-server.ts';

/**
 * Search quality on a site of 286 real papers (20 days of Hugging Face daily
 * papers in tests/fixtures/search-quality/, imported with the importer): the
 * queries readers type, each with the paper they look for, which must be among
 * the first three results; and nonsense, which must find nothing. With the
 * index in tiers, as the site builds it (each shard scores with its own
 * statistics, and Pagefind's near-match fallback happens per shard), and in one
 * bundle.
 */
const { searchQuality, searchQualitySingle } = inject('builds');

type Kind = 'author full name' | 'arXiv id' | 'title phrase' | 'keyword' | 'surname + title word';
/** [query, the start of the expected paper's title]. */
const QUERIES: Record<Kind, Array<[query: string, title: string]>> = {
  'author full name': [
    ['Benedetta Liberatori', 'Dense Motion Captioning'],
    ['Jannik Kossen', 'Semantic Entropy Probes'],
    ['Yonatan Belinkov', 'Confidence Regulation Neurons'],
    ['Kumail Alhamoud', 'Train Long, Think Short'],
    ['Zhenxiong Tan', 'Video-Infinity'],
    ['Germán Díaz Agreda', 'Bridging Theory and Practice in Quantum Game Theory'],
    // Typed without the accents.
    ['German Diaz Agreda', 'Bridging Theory and Practice in Quantum Game Theory'],
    ['Sangmin Bae', 'Mixture-of-Recursions'],
    ['Wonjun Kang', 'UNCAGE'],
    ['Yangshen Deng', 'AlayaDB'],
  ],
  'arXiv id': [
    ['2511.05369', 'Dense Motion Captioning'],
    ['2409.12957', '3DTopia-XL'],
    ['2406.15927v2', 'Semantic Entropy Probes'],
    ['arXiv:2507.10524', 'Mixture-of-Recursions'],
    ['arXiv: 2505.08581', 'ReSurgSAM2'],
    ['ARXIV:2510.08425v1', 'Reinforcing Diffusion Models'],
    ['https://arxiv.org/abs/2408.11475', 'TrackGo'],
    ['arxiv.org/abs/2501.10021v3', 'X-Dyna'],
    ['https://arxiv.org/pdf/2412.13018v1', 'OmniEval'],
    ['https://arxiv.org/pdf/2406.16815.pdf', 'ClotheDreamer'],
    ['https://huggingface.co/papers/2412.10704', 'VisDoM'],
  ],
  'title phrase': [
    ['Dense Motion Captioning', 'Dense Motion Captioning'],
    ['Semantic Entropy Probes', 'Semantic Entropy Probes'],
    ['Distributed Long Video Generation', 'Video-Infinity'],
    ['Garment Generation with 3D Gaussians', 'ClotheDreamer'],
    ['Quadruped Robot Navigation', 'Cross Anything'],
    ['Expressive Dynamic Human Image Animation', 'X-Dyna'],
    ['Interactive Real-Robot Action Simulators', 'IRASim'],
    ['Curriculum Learning for Efficient Reasoning', 'Train Long, Think Short'],
  ],
  keyword: [
    ['vector database', 'AlayaDB'],
    ['Recursive Transformer', 'Mixture-of-Recursions'],
    ['cross-modal spatial-temporal Mamba', 'ReSurgSAM2'],
    ['Eisert-Wilkens-Lewenstein', 'Bridging Theory and Practice in Quantum Game Theory'],
    ['motion adapter', 'Dense Motion Captioning'],
    ['vision-language navigation', 'Ground Slow, Move Fast'],
    ['token budgets', 'Train Long, Think Short'],
  ],
  'surname + title word': [
    ['Kossen hallucination', 'Semantic Entropy Probes'],
    ['Belinkov neurons', 'Confidence Regulation Neurons'],
    ['Liberatori captioning', 'Dense Motion Captioning'],
    ['Tan infinity', 'Video-Infinity'],
    ['Varol motion', 'Dense Motion Captioning'],
    ['Stolfo confidence', 'Confidence Regulation Neurons'],
    ['Deng AlayaDB', 'AlayaDB'],
  ],
};
/** Words no paper has, alone and next to a word many papers have. */
const NONSENSE = ['xyzzyqq', 'qwzxv', 'blorptastic', 'diffusion xyzzyqq', 'zzqxjv transformer'];

describe.each([
  ['a hot shard and an archive', searchQuality],
  ['one index', searchQualitySingle],
])('search quality on 286 real papers, %s', (indexKind, dist) => {
  let browser: Browser;
  let site: StaticServer;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    site = await serveDist(dist);
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** The summary once the search for `query` has finished, and the first three titles. */
  async function search(query: string): Promise<{ summary: string; top: string[] }> {
    await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(
      (query) => {
        const text = document.querySelector('[data-search-summary]')?.textContent?.trim() ?? '';
        return text.endsWith(` ${query}`) || text.startsWith('Search could not load');
      },
      query.trim(),
    );
    const summary = (await page.locator('[data-search-summary]').textContent())!.trim();
    const top = (await page.locator('.search-result-title').allTextContents()).slice(0, 3);
    return { summary, top };
  }

  it('finds the paper readers look for in the first three results, for every kind of query', async () => {
    const misses: string[] = [];
    const rates: Record<string, string> = {};
    for (const [kind, queries] of Object.entries(QUERIES)) {
      let hits = 0;
      for (const [query, title] of queries) {
        const { summary, top } = await search(query);
        if (top.some((found) => found.startsWith(title))) hits++;
        else misses.push(`${kind}: "${query}" → ${summary}; top three: ${JSON.stringify(top)}; expected "${title}…"`);
      }
      rates[kind] = `${hits}/${queries.length} (${Math.round((100 * hits) / queries.length)} %)`;
    }
    console.log(`search quality (${indexKind}), expected paper in the first three results:\n${Object.entries(rates).map(([kind, rate]) => `  ${kind}: ${rate}`).join('\n')}`);
    expect(Object.values(QUERIES).flat().length).toBeGreaterThanOrEqual(40);
    expect(misses).toEqual([]);
  });

  it('finds nothing for nonsense, and says so with links to topics and the archive', async () => {
    const found: string[] = [];
    for (const query of NONSENSE) {
      const { summary, top } = await search(query);
      if (top.length > 0 || summary !== `No papers match ${query}`) found.push(`"${query}" → ${summary}; ${JSON.stringify(top)}`);
    }
    console.log(`search quality (${indexKind}), nonsense with no result: ${NONSENSE.length - found.length}/${NONSENSE.length}`);
    expect(found).toEqual([]);
  });
});
