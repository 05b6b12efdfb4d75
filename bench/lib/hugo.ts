/**
 * The yardstick of issue 14: Hugo (Debian's `hugo`) with minimal templates for
 * the same pages (a page per paper and per digest, topic pages of 50 papers with
 * their feeds, the home page and the site feed) + the Pagefind CLI indexing the
 * paper pages, on the same corpus, in the same run. The Hugo site is generated
 * from the corpus's content folder into bench/tmp/ (not timed): papers with
 * their automatic topics as a taxonomy, digests listing their papers.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileTopics } from '#/lib/topics.ts';
import { automaticTopics } from '#/lib/topic-model.ts';
import { readDigest } from '#/lib/content/digest.ts';
import { readPaper } from '#/lib/content/paper.ts';
import { readTopics } from '#/lib/content/taxonomy.ts';
import { mapLimit } from './fs-stats.ts';
import { repoRoot } from './paths.ts';
import { RssSampler } from './proc.ts';

export interface ToolRun {
  wallMs: number;
  peakRssBytes: number;
  cpuMs: number;
  exitCode: number | null;
}

export interface HugoPagefindRun {
  hugo: ToolRun;
  pagefind: ToolRun;
  /** Both, one after the other. */
  wallMs: number;
  peakRssBytes: number;
  htmlPages?: number;
}

const HUGO = '/usr/bin/hugo';
const PAGEFIND = join(repoRoot, 'node_modules', '.bin', 'pagefind');

const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
{{ with .OutputFormats.Get "rss" }}<link rel="alternate" type="application/rss+xml" href="{{ .RelPermalink }}">{{ end }}
<link rel="canonical" href="{{ .Permalink }}">
<style>body{font:16px/1.5 system-ui;max-width:44rem;margin:auto;padding:1rem}</style></head>
<body><header><a href="{{ "/" | relURL }}">{{ site.Title }}</a> <a href="{{ "/digests/" | relURL }}">Digests</a> <a href="{{ "/topics/" | relURL }}">Topics</a> <a href="{{ "/search/" | relURL }}">Search</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`,
  'papers/single.html': `{{ define "main" }}<article data-pagefind-body>
<h1 data-pagefind-meta="title">{{ .Title }}</h1>
<p>{{ delimit .Params.authors ", " }}</p>
<p>{{ with .Params.arxiv }}<a href="https://arxiv.org/abs/{{ . }}">arXiv {{ . }}</a>{{ end }} · {{ .Params.upvotes }} upvotes · <time data-pagefind-sort="date" datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time></p>
<p>{{ range .Params.topics }}<a href="{{ (printf "/topics/%s/" (urlize .)) | relURL }}" data-pagefind-filter="topic">{{ . }}</a> {{ end }}</p>
{{ .Content }}
</article>
<h2>Related</h2><ul>{{ range first 4 (site.RegularPages.Related .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
`,
  'digests/single.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ol>
{{ range .Params.papers }}{{ with site.GetPage (printf "/papers/%s" .) }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary | truncate 280 }}</p><p>{{ delimit .Params.topics " · " }}</p></li>{{ end }}{{ end }}
</ol>{{ with .PrevInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ end }}
`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ol>
{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary | truncate 280 }}</p></li>{{ end }}
</ol>{{ template "_internal/pagination.html" . }}{{ end }}
`,
  '_default/terms.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
`,
  'index.html': `{{ define "main" }}{{ with index (where site.RegularPages "Section" "digests") 0 }}<h1>{{ .Title }}</h1><ol>
{{ range .Params.papers }}{{ with site.GetPage (printf "/papers/%s" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><p>{{ .Summary | truncate 280 }}</p></li>{{ end }}{{ end }}</ol>{{ end }}{{ end }}
`,
};

const CONFIG = `baseURL = "https://papers.example.org/"
title = "papertide"
languageCode = "en"
paginate = 50
disableKinds = ["sitemap", "robotsTXT"]
[taxonomies]
  topic = "topics"
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
  taxonomy = ["HTML"]
  term = ["HTML", "RSS"]
[related]
  includeNewer = true
  threshold = 60
  toLower = true
  [[related.indices]]
    name = "topics"
    weight = 100
  [[related.indices]]
    name = "keywords"
    weight = 80
[services.rss]
  limit = 50
`;

/** Writes the Hugo site for the content folder (papers' topics assigned as the site does). */
export async function writeHugoSite(contentDir: string, siteDir: string): Promise<void> {
  await rm(join(siteDir, 'content'), { recursive: true, force: true });
  for (const [file, text] of Object.entries(LAYOUTS)) {
    await mkdir(join(siteDir, 'layouts', file, '..'), { recursive: true });
    await writeFile(join(siteDir, 'layouts', file), text);
  }
  await writeFile(join(siteDir, 'hugo.toml'), CONFIG);
  await mkdir(join(siteDir, 'content', 'papers'), { recursive: true });
  await mkdir(join(siteDir, 'content', 'digests'), { recursive: true });
  await mkdir(join(siteDir, 'content', 'search'), { recursive: true });
  await writeFile(join(siteDir, 'content', 'search', '_index.md'), '---\ntitle: Search\n---\n');

  const topics = readTopics(await readFile(join(contentDir, 'topics.yaml'), 'utf8'));
  const matcher = compileTopics(topics);
  const names = new Map(topics.map((topic) => [topic.id, topic.name]));
  const latest = new Map<string, string>();
  const digestFiles = (await readdir(join(contentDir, 'digests'))).filter((name) => name.endsWith('.yaml'));
  for (const name of digestFiles) {
    const path = join(contentDir, 'digests', name);
    const digest = readDigest(await readFile(path, 'utf8'), path);
    const date = String(digest.date).slice(0, 10);
    const slugs = digest.papers;
    for (const slug of slugs) if ((latest.get(slug) ?? '') < date) latest.set(slug, date);
    await writeFile(join(siteDir, 'content', 'digests', `${date}.md`), `${JSON.stringify({ title: `Digest of ${date}`, date, papers: slugs })}\n`);
  }
  const paperFiles = (await readdir(join(contentDir, 'papers'))).filter((name) => name.endsWith('.md'));
  await mapLimit(paperFiles, 32, async (name) => {
    const slug = name.slice(0, -3);
    const path = join(contentDir, 'papers', name);
    const { frontMatter: data, body } = readPaper(await readFile(path, 'utf8'), path);
    const ids = Array.isArray(data.topics) ? (data.topics as string[]) : automaticTopics({ matcher, model: undefined }, data as never, body);
    const front = {
      title: data.title,
      date: latest.get(slug) ?? '2000-01-01',
      authors: data.authors ?? [],
      arxiv: data.arxiv,
      upvotes: data.upvotes ?? 0,
      keywords: data.keywords ?? [],
      topics: ids.map((id) => names.get(id) ?? id),
    };
    await writeFile(join(siteDir, 'content', 'papers', name), `${JSON.stringify(front)}\n\n${body}`);
  });
}

/** Runs a command, timing it and sampling its process tree's memory. */
function measure(command: string, args: string[], cwd: string, logFile: string): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const origin = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const sampler = new RssSampler(child.pid!, origin);
    sampler.start(50);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', async (exitCode) => {
      const wallMs = performance.now() - origin;
      sampler.stop();
      await writeFile(logFile, output);
      resolve({ wallMs, peakRssBytes: sampler.peak()?.totalBytes ?? 0, cpuMs: sampler.cpuMs(), exitCode });
    });
  });
}

/** `hugo` into public/ (emptied first: Hugo has no incremental build across runs), then `pagefind --site public`. */
export async function runHugoPagefind(siteDir: string, label: string): Promise<HugoPagefindRun> {
  await rm(join(siteDir, 'public'), { recursive: true, force: true });
  const hugo = await measure(HUGO, ['--quiet', '--destination', 'public'], siteDir, join(siteDir, `${label}-hugo.log`));
  if (hugo.exitCode !== 0) throw new Error(`hugo failed (${label}): see ${join(siteDir, `${label}-hugo.log`)}`);
  const pagefind = await measure(PAGEFIND, ['--site', 'public', '--silent'], siteDir, join(siteDir, `${label}-pagefind.log`));
  if (pagefind.exitCode !== 0) throw new Error(`pagefind failed (${label}): see ${join(siteDir, `${label}-pagefind.log`)}`);
  return { hugo, pagefind, wallMs: hugo.wallMs + pagefind.wallMs, peakRssBytes: Math.max(hugo.peakRssBytes, pagefind.peakRssBytes) };
}
