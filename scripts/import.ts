/**
 * npm run import -- <file...> [--date YYYY-MM-DD] [--dry-run] [--content-dir DIR]
 * Imports digests into content/; prints one summary line per digest.
 */
import { parseArgs } from 'node:util';
import { describeDigestPlan, runImport } from '../src/lib/import/run-import.ts';
import { InputError } from '../src/lib/import/input-error.ts';

const usage = 'usage: npm run import -- <file...> [--date YYYY-MM-DD] [--dry-run] [--content-dir DIR]';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'content-dir': { type: 'string', default: 'content' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const plans = await runImport({
    files: positionals,
    contentDir: values['content-dir'],
    date: values.date,
    dryRun: values['dry-run'],
  });
  for (const plan of plans) console.log(describeDigestPlan(plan));
  if (values['dry-run']) console.log('dry run: nothing was written');
} catch (error) {
  if (error instanceof InputError) {
    console.error(error.message);
  } else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${error.message}\n${usage}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
