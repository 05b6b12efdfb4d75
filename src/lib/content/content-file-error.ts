/**
 * A content file that cannot be read: the file, the line (when known) and what is wrong. Its message is
 * `file:line: what is wrong`, so that an editor or a CI log jumps straight to the spot.
 */
export class ContentFileError extends Error {
  readonly file: string;
  readonly line: number | undefined;
  readonly problem: string;

  constructor(file: string, line: number | undefined, problem: string) {
    super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`);
    this.name = 'ContentFileError';
    this.file = file;
    this.line = line;
    this.problem = problem;
  }
}
