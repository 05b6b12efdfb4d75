/**
 * An error in something the maintainer gave us (a file, an entry, a flag).
 * Its message is what the CLI prints: `file:line: what is wrong`, so an editor
 * or CI log can jump straight to the spot.
 */
export class InputError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly problem: string;

  constructor(file: string, line: number | undefined, problem: string) {
    super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
    this.name = 'InputError';
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}
