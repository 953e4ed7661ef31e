import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findJsonSyntaxError } from './json-syntax';

describe('findJsonSyntaxError', () => {
  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((j) => j.slice(0, -1))), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findJsonSyntaxError(text) === undefined).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });

  it('says where and what', () => {
    expect(findJsonSyntaxError('{"a" 1}')).toEqual({ offset: 5, message: "expected ':' after the property name but found \"1\"" });
    expect(findJsonSyntaxError('[1,]')).toEqual({ offset: 3, message: 'expected a value but found "]"' });
    expect(findJsonSyntaxError('{"a":')).toEqual({ offset: 5, message: 'expected a value but found the end of the text' });
  });
});
