/**
 * How many paper pages still show TeX source to readers: every paper of a
 * folder of Hugging Face daily-papers API responses is imported in memory the
 * way the HF importer does it (title unescaped, abstract to Markdown) and
 * rendered by the site's renderers (the page's <h1> and <title>, and its
 * abstract); the visible text of that HTML (MathML's TeX annotation is not
 * visible) is searched for a backslash command, `^{`, `_{`, a `$...$`, TeX's
 * `` quotes or a stripped `$\times$` ("20times") left as text. Prints the rate,
 * the ten most common leftovers and what rendering text-mode LaTeX costs (in
 * CPU time).
 *
 *   npx node bench/tex-leftovers.ts [dir]   (default ../shared/data/hf-daily-papers)
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as cheerio from 'cheerio';
import { splitTexMath, texTextToMarkdown, unescapeTexText } from '#/lib/import/abstract-markdown.ts';
import { renderAbstract, renderTitle } from '#/lib/markdown.ts';
import { holdsTex, texToPhrasing } from '#/lib/latex.ts';
import { normalizeText } from '#/lib/text.ts';

/**
 * A backslash command, `^{`, `_{`, math by Pandoc's rule on one line of visible text (`$`, a non-space, no `$`, a
 * non-space, `$` not before a digit), TeX's opening double quote (``), or a stripped `\times` ("20times").
 */
const LEFTOVER = /\\[A-Za-z]+|\\[%&#_${}]|\^\{|_\{|\$[^$\s](?:[^$\n]*?[^$\s\\])?\$(?![0-9])|``|(?<![A-Za-z0-9.])(?:[0-9.]+|[A-Za-z])times(?![A-Za-z])/g;

/** What a reader sees of some HTML: its text, without the TeX source KaTeX keeps in MathML annotations. */
function visibleText(html: string): string {
  const $ = cheerio.load(html, null, false);
  $('annotation').remove();
  return $.root().text();
}

/** This process's CPU time: the machine is shared, and wall time would count other work's time slices. */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

interface HfEntry {
  paper: { id: string; title: string; summary: string };
}

const dir = process.argv[2] ?? join(import.meta.dirname, '../../shared/data/hf-daily-papers');
const papers = new Map<string, HfEntry['paper']>();
for (const file of (await readdir(dir)).filter((name) => name.endsWith('.json')).sort()) {
  for (const entry of JSON.parse(await readFile(join(dir, file), 'utf8')) as HfEntry[]) papers.set(entry.paper.id, entry.paper);
}

const leftovers = new Map<string, number>();
let pagesWithLeftovers = 0;
let texPapers = 0;
let renderMs = 0;
/** The share of rendering that text-mode LaTeX adds: the pre-check on every text, and parsing the texts that hold TeX. */
let texMs = 0;
const examples: string[] = [];
for (const paper of papers.values()) {
  const title = normalizeText(unescapeTexText(paper.title));
  const markdown = texTextToMarkdown(paper.summary).markdown;
  const texts = [title, ...splitTexMath(normalizeText(paper.summary)).filter((segment) => !segment.math).map((segment) => segment.value)];
  const texStarted = cpuMs();
  if (texts.some(holdsTex)) texPapers++;
  for (const text of texts) texToPhrasing(text);
  texMs += cpuMs() - texStarted;
  const started = cpuMs();
  const titleRendering = renderTitle(title);
  const abstract = renderAbstract(markdown);
  renderMs += cpuMs() - started;
  const visible = [visibleText(titleRendering.html), titleRendering.text, visibleText(abstract.html)].join('\n');
  const found = visible.match(LEFTOVER) ?? [];
  if (found.length === 0) continue;
  pagesWithLeftovers++;
  if (examples.length < 5) examples.push(`${paper.id}: ${found.join(' ')}`);
  for (const leftover of new Set(found)) leftovers.set(leftover, (leftovers.get(leftover) ?? 0) + 1);
}

const rate = (pagesWithLeftovers / papers.size) * 100;
console.log(`${papers.size} papers, ${texPapers} (${((texPapers / papers.size) * 100).toFixed(1)} %) hold text-mode TeX`);
console.log(`pages showing TeX source: ${pagesWithLeftovers} (${rate.toFixed(2)} %)`);
console.log('most common leftovers (pages):');
for (const [leftover, count] of [...leftovers].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${count}\t${leftover}`);
if (examples.length > 0) console.log(`examples:\n  ${examples.join('\n  ')}`);
console.log(
  `text-mode LaTeX: ${((texMs / papers.size) * 1000).toFixed(0)} µs a paper on average, ${(texMs / Math.max(texPapers, 1)).toFixed(2)} ms a paper that holds TeX; ` +
    `${((texMs / papers.size) * 10_000 / 1000).toFixed(2)} s for a cold build of 10k papers`,
);
console.log(`rendering titles and abstracts: ${(renderMs / papers.size).toFixed(2)} ms a paper (${(renderMs / 1000).toFixed(1)} s in all)`);
