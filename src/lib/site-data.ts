import { getCollection } from 'astro:content';
import { siteConfig } from '../site.config.ts';
import { buildSiteModel, type SiteModel } from './site-model.ts';
import { searchRecord } from './search-records.ts';
import { startSearchIndex } from './search-index.ts';
import { timed } from './timings.ts';

let model: Promise<SiteModel> | undefined;

/**
 * The whole site's data, loaded and joined once per build and shared by every
 * page. In a production build it also starts the search index, which fills
 * while the pages render.
 */
export function loadSite(): Promise<SiteModel> {
  model ??= (async () => {
    const [papers, digests, topics] = await Promise.all([
      getCollection('papers'),
      getCollection('digests'),
      getCollection('topics'),
    ]);
    topics.sort((a, b) => a.data.position - b.data.position);
    const site = timed('site model', () => buildSiteModel({ papers, digests, topics }, siteConfig));
    if (import.meta.env.PROD) {
      startSearchIndex(site.papersByRecency.map((paper) => searchRecord(paper, siteConfig.language)));
    }
    return site;
  })();
  return model;
}
