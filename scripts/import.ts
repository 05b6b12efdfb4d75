/**
 * npm run import -- [<file...>] [--hf YYYY-MM-DD ...] [--hf-api URL] [--date YYYY-MM-DD] [--dry-run] [--content-dir DIR]
 * Imports digests into content/; prints one summary line per digest.
 */
import { parseArgs } from 'node:util';
import { describeDigestPlan, runImport } from '#/lib/import/run-import.ts';
import { InputError } from '#/lib/import/input-error.ts';

const usage =
  'usage: npm run import -- [<file...>] [--hf YYYY-MM-DD ...] [--hf-api URL] [--date YYYY-MM-DD] [--dry-run] [--content-dir DIR]';

const help = `${usage}

Imports daily digests into the content folder: new papers get a page, papers
already there only gain the fields they lack (hand edits win), and each day
gets its digest file. Everything is read and checked before anything is
written: on any error nothing changes, and the exit code is 1.

Inputs (several may be mixed in one import):
  <file>.txt          a digest page copied as text (date line "Mar 14")
  <file>.json         a Hugging Face daily papers API response (a JSON array)
  <file>.atom, .xml   an arXiv API export (Atom)
  other names         recognized by their content ([ or { JSON, < XML, else text)

Options:
  --hf YYYY-MM-DD     fetch that day from the Hugging Face daily papers API
                      (repeatable); a day without papers is a no-op
  --hf-api URL        the API base URL (default: $HF_API_URL, else
                      https://huggingface.co/api)
  --date YYYY-MM-DD   the digest's day: a text digest's year, an Atom export's
                      day, the day of a JSON file whose entries and name do not
                      say (a date line or JSON dates must agree with it)
  --dry-run           show what would be imported, write nothing
  --content-dir DIR   the content folder (default: content)
  -h, --help          this help`;

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      hf: { type: 'string', multiple: true },
      'hf-api': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'content-dir': { type: 'string', default: 'content' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(help);
    process.exit(0);
  }
  const plans = await runImport({
    files: positionals,
    contentDir: values['content-dir'],
    date: values.date,
    dryRun: values['dry-run'],
    hfDates: values.hf ?? [],
    ...(values['hf-api'] !== undefined ? { hfApi: values['hf-api'] } : {}),
    fetch: { onRetry: (message) => console.error(message) },
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
