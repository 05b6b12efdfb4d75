import { describe, expect, it } from 'vitest';
import { findJsonError } from '../../src/lib/import/json-input.ts';

describe('findJsonError: where a JSON input stops being JSON, and what was expected there', () => {
  it('accepts valid JSON, nested and empty lists included', () => {
    expect(findJsonError('{"a": [1, {"b": []}, {}], "c": "\\u00e9"}')).toBeUndefined();
  });

  it('names the missing separator or closing bracket of an array and of an object', () => {
    expect(findJsonError('[1, 2 3]')).toMatchObject({ offset: 6, problem: expect.stringContaining("',' or ']'") });
    expect(findJsonError('{"a": 1 "b": 2}')).toMatchObject({ offset: 8, problem: expect.stringContaining("',' or '}'") });
    expect(findJsonError('{"a" 1}')).toMatchObject({ offset: 5, problem: expect.stringContaining("':' after the property name") });
    expect(findJsonError('[1, 2')).toMatchObject({ offset: 5, problem: expect.stringContaining('the end of the input') });
  });
});
