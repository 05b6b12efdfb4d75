/**
 * npx node bench/topic-quality.ts [--split tune|held-out] [--errors]
 *
 * Precision and recall of the automatic topics (content/topics.yaml, src/lib/topics.ts) against the topics a
 * reader gave the papers of tests/fixtures/topic-labels.json: micro-averaged over the chosen half (default
 * tune), then per topic. --errors lists each paper of that half where the assigner and the reader disagree.
 * Tune on the tune half only; the held-out half is what bench/README.md reports, and it is printed only when
 * asked for, so that tuning never sees it by accident.
 */
import { parseArgs } from 'node:util';
import { assignAll, loadLabels, loadMatcher, overall, perTopic, SPLITS, type Quality, type Split } from './lib/topic-quality.ts';

const { values } = parseArgs({
  options: { split: { type: 'string', default: 'tune' }, errors: { type: 'boolean', default: false } },
});
const split = values.split as Split;
if (!SPLITS.includes(split)) throw new Error(`--split must be one of ${SPLITS.join(', ')}, not "${values.split}"`);

const labels = loadLabels();
const { matcher, ids } = loadMatcher();
const fixed = (value: number): string => value.toFixed(3);
const row = (name: string, q: Quality): string =>
  `${name.padEnd(24)} ${fixed(q.precision)}  ${fixed(q.recall)}  ${String(q.hits).padStart(4)} ${String(q.assigned).padStart(8)} ${String(q.expected).padStart(8)}`;
const header = `${''.padEnd(24)} prec.  recall  hits assigned expected`;

const results = assignAll(matcher, labels.filter((paper) => paper.split === split));

console.log(`${labels.length} labelled papers (tests/fixtures/topic-labels.json)\n`);
console.log(header);
console.log(row(`${split} (${results.length} papers)`, overall(results)));
console.log(`\nper topic, ${split}\n${header}`);
for (const [id, q] of perTopic(results, ids)) console.log(row(id, q));

if (values.errors) {
  console.log(`\ndisagreements, ${split} (−wrong +missed)`);
  for (const { paper, assigned, wrong, missed } of results) {
    if (wrong.length === 0 && missed.length === 0) continue;
    console.log(`${paper.arxiv} ${paper.title.slice(0, 90)}\n    assigned ${assigned.join(' ')} | reader ${paper.topics.join(' ')} | −${wrong.join(' −')} +${missed.join(' +')}`);
  }
}
