import { getCollection } from 'astro:content';
import { siteConfig } from '../site.config.ts';
import { buildSiteModel, type SiteModel } from './site-model.ts';

let model: Promise<SiteModel> | undefined;

/** The whole site's data, loaded and joined once per build and shared by every page. */
export function loadSite(): Promise<SiteModel> {
  model ??= (async () => {
    const [papers, digests, topics] = await Promise.all([
      getCollection('papers'),
      getCollection('digests'),
      getCollection('topics'),
    ]);
    const started = performance.now();
    const site = buildSiteModel({ papers, digests, topics }, siteConfig);
    if (process.env.PAPERTIDE_TIMINGS) console.log(`[papertide] site model: ${Math.round(performance.now() - started)} ms`);
    return site;
  })();
  return model;
}
