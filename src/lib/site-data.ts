import { getCollection } from 'astro:content';
import { siteConfig } from '#/site.config.ts';
import { buildSiteModel, type SiteModel } from './site-model.ts';
import { searchRecord } from './search-records.ts';
import { searchShards } from './search-shards.ts';
import { cachedPaper, readPaperCache } from './paper-cache-file.ts';
import { writeRecordFiles } from './search-record-files.ts';
import { timed } from './timings.ts';

let model: Promise<SiteModel> | undefined;

/**
 * The whole site's data, loaded and joined once per build and shared by every
 * page. In a production build it also writes the search records, one file per
 * shard, which the indexing step after `astro build` turns into the index
 * (src/integrations/search/).
 */
export function loadSite(): Promise<SiteModel> {
  model ??= (async () => {
    const [entries, digests, topics] = await Promise.all([getCollection('papers'), getCollection('digests'), getCollection('topics')]);
    const cache = readPaperCache(import.meta.env.PAPERTIDE_PAPER_CACHE);
    topics.sort((a, b) => a.data.position - b.data.position);
    // The store lists the papers and their digests; what the loader made of each file is in the paper cache.
    // An entry without one (the store's data is empty) stops the build in the model: "not rendered".
    const papers = entries.map((entry) => {
      const cached = cachedPaper(cache, entry.id, entry.digest);
      if (!cached) return entry;
      const { data, html, metadata } = cached;
      return { id: entry.id, filePath: entry.filePath, data, rendered: { html, metadata } };
    });
    const site = timed('site model', () => buildSiteModel({ papers, digests, topics }, siteConfig));
    if (import.meta.env.PROD && import.meta.env.PAPERTIDE_SEARCH_RECORDS) {
      await writeRecordFiles(
        import.meta.env.PAPERTIDE_SEARCH_RECORDS,
        searchShards(site, (paper) => searchRecord(paper, siteConfig.language)),
      );
    }
    return site;
  })();
  return model;
}
