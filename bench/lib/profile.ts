import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { paperSchema, type PaperData } from '#/lib/schemas.ts';
import { compileTopics } from '#/lib/topics.ts';
import { automaticTopics } from '#/lib/topic-model.ts';
import { readPaper } from '#/lib/content/paper.ts';
import { readDigest } from '#/lib/content/digest.ts';
import { readTopics } from '#/lib/content/taxonomy.ts';
import { renderAbstract } from '#/lib/markdown.ts';
import { computeRelated } from '#/lib/related.ts';
import { buildSiteModel } from '#/lib/site-model.ts';
import { siteConfig } from '#/site.config.ts';
import { mapLimit } from './fs-stats.ts';

/**
 * The data layer's steps timed on their own, in this process, on the same
 * corpus: what `[papertide] site model` is made of, and what rendering every
 * abstract costs (done page by page during the build).
 */
export interface DataLayerProfile {
  papers: number;
  /** ms for all papers, and per paper. */
  steps: Array<{ step: string; ms: number; perPaperMs: number }>;
  /** Heap the built model holds (measured after GC: run with --expose-gc). */
  modelHeapBytes: number | undefined;
}

export async function profileDataLayer(contentDir: string): Promise<DataLayerProfile> {
  const names = (await readdir(join(contentDir, 'papers'))).filter((name) => name.endsWith('.md'));
  const files = await mapLimit(names, 64, async (name) => ({ id: name.slice(0, -3), text: await readFile(join(contentDir, 'papers', name), 'utf8') }));
  const topics = readTopics(await readFile(join(contentDir, 'topics.yaml'), 'utf8')).map((topic) => ({ id: topic.id, data: topic }));
  const digestNames = (await readdir(join(contentDir, 'digests'))).filter((name) => name.endsWith('.yaml'));
  const digests = await mapLimit(digestNames, 64, async (name) => {
    const path = join(contentDir, 'digests', name);
    return { id: name.slice(0, -5), data: readDigest(await readFile(path, 'utf8'), path) };
  });
  const n = files.length;
  const steps: DataLayerProfile['steps'] = [];
  const time = <T>(step: string, run: () => T): T => {
    const start = performance.now();
    const result = run();
    const ms = performance.now() - start;
    steps.push({ step, ms, perPaperMs: ms / n });
    return result;
  };

  // The loader's read (js-yaml), not the importer's comment-keeping one.
  const split = time('YAML front matter parse', () =>
    files.map((file) => {
      const { frontMatter, body } = readPaper(file.text, file.id);
      return { id: file.id, raw: frontMatter, body };
    }),
  );
  const papers = time('schema validation (zod)', () => split.map((entry) => ({ id: entry.id, data: paperSchema.parse(entry.raw) as PaperData, body: entry.body })));
  // What the paper loader (src/loaders/papers.ts) does per new or changed file during content sync.
  const rendered = time('renderAbstract (loader, at sync: abstract to HTML and text)', () => papers.map((paper) => renderAbstract(paper.body.trim())));
  const texts = rendered.map((abstract) => abstract.text);
  const matcher = compileTopics(topics.map((topic) => topic.data));
  const topicIds = time('assignTopics (loader, at sync: per new or changed paper, or all on a taxonomy change)', () =>
    papers.map((paper, index) => (paper.data.topics ? undefined : automaticTopics({ matcher, model: undefined }, paper.data, texts[index]!))),
  );
  const entries = papers.map((paper, index) => {
    const topics = topicIds[index];
    return { ...paper, rendered: { html: rendered[index]!.html, metadata: topics ? { text: texts[index]!, topics } : { text: texts[index]! } } };
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const model = time('buildSiteModel (with the loader\'s cached rendering and topics, as in the build)', () =>
    buildSiteModel({ papers: entries, digests, topics } as Parameters<typeof buildSiteModel>[0], siteConfig),
  );
  gc?.();
  const modelHeapBytes = gc ? Math.max(0, process.memoryUsage().heapUsed - heapBefore) : undefined;
  time('computeRelated', () =>
    computeRelated(
      model.papersByRecency.map((paper) => ({ id: paper.slug, title: paper.data.title, text: paper.abstractText })),
      { limit: siteConfig.relatedPapers },
    ),
  );
  void model.papers.size; // keep the model alive up to here
  return { papers: n, steps, modelHeapBytes };
}

/** Runs the profile in a fresh Node process (with --expose-gc), away from the bench's own heap. */
export async function profileInChild(contentDir: string): Promise<DataLayerProfile> {
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const script = fileURLToPath(new URL('./profile-cli.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', script, contentDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(output) as DataLayerProfile) : reject(new Error(`data layer profile exited with ${code}`))));
  });
}
