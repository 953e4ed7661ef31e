import { describe, expect, it } from 'vitest';
import { locateJsonError } from './json-locate';

describe('locateJsonError', () => {
  it.each([
    ['{\n  "kind": "x",\n  "id": oops\n}', 3, 9],
    ['[1,', 1, 4],
    ['{"a" 1}', 1, 6],
    ['"ab\\q"', 1, 5],
    ['{"a":1}}', 1, 8],
    ['[01]', 1, 3],
    ['', 1, 1],
  ])('%j fails at line %i column %i', (text, line, column) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(locateJsonError(text)).toEqual({ line, column });
  });

  it('finds nothing in valid JSON', () => {
    expect(locateJsonError('{"a":[1,2,{"b":null}],"c":"\\u00e9"}')).toBeUndefined();
  });
});
