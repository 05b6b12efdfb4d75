import { InputError } from './input-error.ts';

/**
 * Parses JSON, and on a syntax error throws an InputError naming the line
 * (`file:12: not valid JSON: …`), so an editor can jump to the spot.
 * JSON.parse's own messages do not always carry a position; the line comes
 * from a small scanner that runs only when parsing has failed.
 */
export function parseJsonInput(text: string, file: string): unknown {
  const source = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    const found = findJsonError(source) ?? { offset: source.length, problem: (error as Error).message };
    const before = source.slice(0, found.offset);
    const line = before.split(/\r\n|\r|\n/).length;
    const column = found.offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    throw new InputError(file, line, `not valid JSON: ${found.problem} (column ${column})`);
  }
}

interface JsonError {
  offset: number;
  problem: string;
}

class Stop extends Error {
  readonly offset: number;
  readonly problem: string;
  constructor(offset: number, problem: string) {
    super(problem);
    this.offset = offset;
    this.problem = problem;
  }
}

/** The first offset where `text` stops being JSON (RFC 8259), or undefined when it is valid. */
export function findJsonError(text: string): JsonError | undefined {
  let at = 0;
  const describe = () => (at >= text.length ? 'the end of the input' : JSON.stringify(text[at]));
  const fail = (expected: string): never => {
    throw new Stop(at, `expected ${expected}, found ${describe()}`);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const literal = (word: string) => {
    if (!text.startsWith(word, at)) fail('a value');
    at += word.length;
  };
  const string = () => {
    at++; // the opening quote
    for (;;) {
      if (at >= text.length) fail('a closing quote');
      const char = text[at]!;
      if (char === '"') {
        at++;
        return;
      }
      if (char < ' ') fail('a character (a control character must be escaped)');
      if (char === '\\') {
        at++;
        const escape = text[at];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail('four hex digits after \\u');
          at += 5;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) {
          at++;
        } else {
          fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        }
      } else {
        at++;
      }
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at, at + 400));
    if (!match || match[0] === '' || match[0] === '-') fail('a value');
    at += match![0].length;
  };
  /** The items of an object or array after its opening bracket, up to and including `close`. */
  const items = (close: '}' | ']', item: () => void): void => {
    at++;
    space();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      item();
      space();
      if (text[at] === ',') {
        at++;
        continue;
      }
      if (text[at] === close) {
        at++;
        return;
      }
      fail(`',' or '${close}'`);
    }
  };
  const property = () => {
    space();
    if (text[at] !== '"') fail('a property name in double quotes');
    string();
    space();
    if (text[at] !== ':') fail("':' after the property name");
    at++;
    value();
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') return items('}', property);
    if (char === '[') return items(']', value);
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) return number();
    fail('a value');
  };
  try {
    value();
    space();
    if (at < text.length) fail('the end of the input');
    return undefined;
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, problem: error.problem };
    // Nesting too deep for the stack: the caller falls back to JSON.parse's message.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
