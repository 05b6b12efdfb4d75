import { getCollection } from 'astro:content';
import { siteConfig } from '#/site.config.ts';
import { buildSiteModel, type SiteModel } from './site-model.ts';
import { searchRecord } from './search-records.ts';
import { searchShards } from './search-shards.ts';
import { readRenderedPapers, renderingOf } from './rendered-paper-file.ts';
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
    const [entries, rendered, digests, topics] = await Promise.all([
      getCollection('papers'),
      readRenderedPapers(import.meta.env.PAPERTIDE_RENDERED_PAPERS),
      getCollection('digests'),
      getCollection('topics'),
    ]);
    topics.sort((a, b) => a.data.position - b.data.position);
    const papers = entries.map((entry) => ({ ...entry, rendered: renderingOf(rendered, entry.id, entry.digest) }));
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
