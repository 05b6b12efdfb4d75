/**
 * npx node bench/topic-quality.ts [--split tune|held-out] [--errors] [--cv]
 *
 * Precision and recall of the automatic topics (content/topics.yaml and content/topic-model.json, src/lib/topics.ts
 * and src/lib/topic-model.ts; the rules alone beside them) against the topics a
 * reader gave the papers of tests/fixtures/topic-labels/: micro-averaged over the chosen half (default
 * tune), then per topic; beside them, for the tune half, a second reader's topics scored the same way (how far two
 * careful readers agree). --errors lists each paper of that half where the assigner and the reader disagree.
 * Tune on the tune half only; the held-out half is what bench/README.md reports, and it is printed only when
 * asked for, so that tuning never sees it by accident. The model has seen the tune half's answers, so its figures
 * there say little: --cv trains it on four fifths of the tune half and measures it on the fifth it did not see, five
 * times over (how TRAINING in src/lib/topic-model.ts was chosen).
 */
import { parseArgs } from 'node:util';
import { trainTopicModel } from '#/lib/topic-model.ts';
import { assignAll, loadLabels, loadSecondReading, loadTagger, overall, perTopic, readerAgreement, SPLITS, type PaperResult, type Quality, type Split } from './lib/topic-quality.ts';

const { values } = parseArgs({
  options: { split: { type: 'string', default: 'tune' }, errors: { type: 'boolean', default: false }, cv: { type: 'boolean', default: false } },
});
const split = values.split as Split;
if (!SPLITS.includes(split)) throw new Error(`--split must be one of ${SPLITS.join(', ')}, not "${values.split}"`);

const labels = loadLabels();
const { tagger, rules, topics, ids } = loadTagger();
const fixed = (value: number): string => value.toFixed(3);
const row = (name: string, q: Quality): string =>
  `${name.padEnd(24)} ${fixed(q.precision)}  ${fixed(q.recall)}  ${String(q.hits).padStart(4)} ${String(q.assigned).padStart(8)} ${String(q.expected).padStart(8)}`;
const header = `${''.padEnd(24)} prec.  recall  hits assigned expected`;

const papers = labels.filter((paper) => paper.split === split);
const results = assignAll(tagger, papers);

console.log(`${labels.length} labelled papers (tests/fixtures/topic-labels/)\n`);
console.log(header);
console.log(row(`${split} (${results.length} papers)`, overall(results)));
if (tagger.model) console.log(row('  the rules alone', overall(assignAll(rules, papers))));
else console.log('  (the rules alone: content/topic-model.json is missing or was trained for another taxonomy)');
const agreement = readerAgreement(papers, loadSecondReading());
if (agreement.length > 0) console.log(row(`  a second reader (${agreement.length})`, overall(agreement)));
console.log(`\nper topic, ${split}\n${header}`);
for (const [id, q] of perTopic(results, ids)) console.log(row(id, q));

if (values.cv) {
  const FOLDS = 5;
  const tune = labels.filter((paper) => paper.split === 'tune');
  const unseen: PaperResult[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainTopicModel(topics, rules.matcher, tune.filter((_, index) => index % FOLDS !== fold));
    unseen.push(...assignAll({ matcher: rules.matcher, model }, tune.filter((_, index) => index % FOLDS === fold)));
  }
  console.log(`\n${FOLDS}-fold cross-validation on the tune half\n${header}`);
  console.log(row('the model, unseen papers', overall(unseen)));
  console.log(row('the rules alone', overall(assignAll(rules, tune))));
}

if (values.errors) {
  console.log(`\ndisagreements, ${split} (−wrong +missed)`);
  for (const { paper, assigned, wrong, missed } of results) {
    if (wrong.length === 0 && missed.length === 0) continue;
    console.log(`${paper.arxiv} ${paper.title.slice(0, 90)}\n    assigned ${assigned.join(' ')} | reader ${paper.topics.join(' ')} | −${wrong.join(' −')} +${missed.join(' +')}`);
  }
}
