import { InputError } from './input-error.ts';

/** Node 24's JSON.parse says where it stopped: `… in JSON at position 14 (line 3 column 8)`. */
const POSITION = / in JSON at position \d+ \(line (\d+) column (\d+)\)$/;

/**
 * Parses JSON, and on a syntax error throws an InputError naming the line
 * (`file:12: not valid JSON: … (column 8)`), so an editor can jump to the spot.
 * The line and column are JSON.parse's own; where it gives none (an unexpected
 * token, which it shows in context instead), the error names the file only.
 */
export function parseJsonInput(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    // One line on stderr: the context JSON.parse quotes may span lines.
    const message = error.message.replace(/\r?\n/g, '\\n');
    const position = POSITION.exec(message);
    if (!position) throw new InputError(file, undefined, `not valid JSON: ${message}`);
    const problem = message.slice(0, position.index);
    throw new InputError(file, Number(position[1]), `not valid JSON: ${problem} (column ${position[2]})`);
  }
}
