import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { locateJson } from './locate-json';
import { escapePointer } from '../validate/issues';

/** Every pointer into a JSON value, with the value found there. */
function pointers(value: unknown, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [[prefix, value]];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointers(v, `${prefix}/${i}`)));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pointers(v, `${prefix}/${escapePointer(k)}`));
  return out;
}

describe('locateJson', () => {
  it('finds the key of a member and the start of an array item', () => {
    const text = '{"a": [1, {"b~/c": true}], "d": "x"}';
    expect(text.slice(locateJson(text, '/d'))).toMatch(/^"d"/);
    expect(text.slice(locateJson(text, '/a/1'))).toMatch(/^\{"b~\/c"/);
    expect(text.slice(locateJson(text, '/a/1/b~0~1c'))).toMatch(/^"b~\/c"/);
    expect(locateJson(text, '/a/7')).toBe(text.indexOf('['));
    expect(locateJson(text, '/missing')).toBe(0);
  });

  it('lands on a place from which the designated value parses, for any document and indentation', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2, '\t'), fc.nat(), (value, indent, pick) => {
        const text = JSON.stringify(value, null, indent);
        const all = pointers(value);
        const [pointer, expected] = all[pick % all.length]!;
        const at = locateJson(text, pointer);
        const segments = pointer.split('/');
        const last = segments.at(-1)!;
        const parentIsArray = segments.length > 1 && /^\d+$/.test(last) && Array.isArray(pointers(value).find(([p]) => p === segments.slice(0, -1).join('/'))?.[1]);
        // A member's pointer lands on its key: skip `"key":` before parsing the value.
        const rest = pointer === '' || parentIsArray ? text.slice(at) : text.slice(at).replace(/^"(?:[^"\\]|\\.)*"\s*:\s*/, '');
        const token = rest.match(/^(?:"(?:[^"\\]|\\.)*"|-?[\d.eE+-]+|true|false|null)/)?.[0];
        if (token !== undefined && (expected === null || typeof expected !== 'object')) expect(JSON.parse(token)).toEqual(JSON.parse(JSON.stringify(expected)));
        else expect(rest[0]).toBe(Array.isArray(expected) ? '[' : '{');
      }),
      { numRuns: 400 },
    );
  });
});
