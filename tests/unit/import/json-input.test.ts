import { describe, expect, it } from 'vitest';
import { parseJsonInput } from '#/lib/import/json-input.ts';
import { InputError } from '#/lib/import/input-error.ts';

const refusal = (text: string): InputError => {
  try {
    parseJsonInput(text, 'day.json');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('parsed');
};

describe('parseJsonInput', () => {
  it('parses JSON, with or without a byte order mark', () => {
    expect(parseJsonInput('\uFEFF[{"a": 1}]', 'day.json')).toEqual([{ a: 1 }]);
  });

  it('names the line and column where the JSON breaks', () => {
    const error = refusal('[\n  {"a": 1},\n  {"b" 2}\n]');
    expect(error.line).toBe(3);
    expect(error.message).toBe("day.json:3: not valid JSON: Expected ':' after property name (column 8)");
  });

  it('without a position, shows what came instead, on one line', () => {
    const error = refusal('<html>\n<body>down</body>\n</html>');
    expect(error.line).toBeUndefined();
    expect(error.message).toBe(`day.json: not valid JSON: Unexpected token '<', "<html>\\n<bo"... is not valid JSON`);
  });
});
