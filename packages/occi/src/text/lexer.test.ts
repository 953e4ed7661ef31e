import { describe, expect, it } from 'vitest';
import { OcciError } from '../errors';
import { bodyEntries, headerEntries, quote, splitParams, unescapeQuoted } from './lexer';

describe('headerEntries', () => {
  it('reads any header-name case, repeated headers and comma-joined values, never splitting inside quotes, <> or JSON', () => {
    const entries = headerEntries({
      'x-occi-attribute': ['a="x, y", b=2', 'c=[1,2,{"k":"v,w"}]'],
      CATEGORY: 'compute; scheme="http://s#"; class="kind", tag; scheme="http://t#"; class=mixin; title="a, b"',
      link: '</a?x=1,2>; rel="http://s#r"',
      'Content-Type': 'text/occi',
    });
    expect(entries.map((e) => [e.name, e.value])).toEqual([
      ['x-occi-attribute', 'a="x, y"'],
      ['x-occi-attribute', 'b=2'],
      ['x-occi-attribute', 'c=[1,2,{"k":"v,w"}]'],
      ['category', 'compute; scheme="http://s#"; class="kind"'],
      ['category', 'tag; scheme="http://t#"; class=mixin; title="a, b"'],
      ['link', '</a?x=1,2>; rel="http://s#r"'],
    ]);
    expect(entries[3]!.header).toBe('CATEGORY');
  });

  it('reports an unterminated quote with the header', () => {
    expect(() => headerEntries({ Category: 'a; title="open, x' })).toThrow(expect.objectContaining({ code: 'parse_error', location: expect.objectContaining({ header: 'Category' }) }));
  });
});

describe('bodyEntries', () => {
  it('reads Name: value lines with line and column, folds continuation lines and skips blank ones', () => {
    const entries = bodyEntries('Category: compute;\n    scheme="http://s#";\n    class="kind"\n\r\nx-occi-attribute:   a=1\nContent-Length: 3\n');
    expect(entries).toEqual([
      { name: 'category', header: 'Category', value: 'compute; scheme="http://s#"; class="kind"', line: 1, column: 11 },
      { name: 'x-occi-attribute', header: 'x-occi-attribute', value: 'a=1', line: 5, column: 21 },
    ]);
  });

  it('gives line and column of a malformed line', () => {
    try {
      bodyEntries('Category: a; scheme="http://s#"; class="kind"\n  \n= oops');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(OcciError);
      expect((e as OcciError).location).toEqual({ line: 3, column: 1 });
    }
  });
});

describe('splitParams', () => {
  it('accepts a trailing ;, empty items, bare and quoted values with escapes', () => {
    const { first, params } = splitParams({ name: 'category', header: 'Category', value: 'compute ; class=kind;; title="say \\"hi\\" \\\\ ; ok" ;' });
    expect(first).toBe('compute');
    expect(params.map((p) => [p.key, p.value, p.quoted])).toEqual([
      ['class', 'kind', false],
      ['title', 'say "hi" \\ ; ok', true],
    ]);
  });

  it('rejects an item without = and text after a quoted value, with a column', () => {
    expect(() => splitParams({ name: 'category', header: 'Category', value: 'a; scheme', line: 4, column: 11 })).toThrow(expect.objectContaining({ location: { header: 'Category', line: 4, column: 14 } }));
    expect(() => splitParams({ name: 'category', header: 'Category', value: 'a; scheme="x" y' })).toThrow(/unexpected text/);
  });
});

describe('quote / unescapeQuoted', () => {
  it('round-trips any string', () => {
    for (const s of ['', 'plain', 'a"b', 'back\\slash', 'line\nbreak\ttab\r', '\u0001\u2028', 'ünï ✓']) {
      const q = quote(s);
      expect(q.startsWith('"') && q.endsWith('"')).toBe(true);
      expect(q).not.toMatch(/[\n\r]/);
      expect(unescapeQuoted(q.slice(1, -1))).toBe(s);
    }
    expect(unescapeQuoted('\\q\\')).toBe('q\\');
  });
});
