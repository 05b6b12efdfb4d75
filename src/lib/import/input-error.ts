import { ContentFileError } from '#/lib/content/content-file-error.ts';

/**
 * An error in something the maintainer gave us (a file, an entry, a flag).
 * Its message is what the CLI prints: `file:line: what is wrong`, so an editor
 * or CI log can jump straight to the spot (the same shape as a broken content file's).
 */
export class InputError extends ContentFileError {
  constructor(file: string, line: number | undefined, problem: string) {
    super(file, line, problem);
    this.name = 'InputError';
  }
}
