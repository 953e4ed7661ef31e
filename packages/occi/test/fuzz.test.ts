import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OcciError, STRUCTURES, createStandardModel, parse, parseFilter, parseFilterMessage, render } from '../src/index';
import type { MediaType, OcciMessage, Structure } from '../src/index';
import * as arb from './arbitraries';

const MEDIA: MediaType[] = ['text/plain', 'text/occi', 'text/uri-list', 'application/occi+json', 'application/json'];
const model = createStandardModel();

/** Runs a parse and fails unless it returns or throws an OcciError; a parsed entity must also validate without throwing. */
function survives(structure: Structure, mediaType: MediaType, message: OcciMessage): void {
  for (const options of [{}, { model }, { jsonValidation: 'schema' as const }]) {
    let value: unknown;
    try {
      value = parse(structure, mediaType, message, options);
    } catch (e) {
      if (!(e instanceof OcciError)) throw new Error(`${structure} as ${mediaType} threw ${String(e)}`, { cause: e });
      expect(e.status).toBeGreaterThanOrEqual(400);
      expect(e.status).toBeLessThan(600);
      continue;
    }
    if (structure === 'resource' || structure === 'link' || structure === 'entity') {
      expect(() => model.validateEntity(value as never, { mode: 'create' })).not.toThrow();
    }
    try {
      render(structure, mediaType, value as never);
    } catch (e) {
      if (!(e instanceof OcciError)) throw e;
    }
  }
}

const OCCI_WORDS = ['Category', 'Link', 'X-OCCI-Attribute', 'X-OCCI-Location', ':', ';', '=', '"', '\\', ',', '<', '>', '[', '{', '}', ']', '\n', ' ', 'class=', 'scheme=', 'rel=', 'occi.core.id', '?action=', '#', 'kind', 'mixin', 'action', 'http://x#y'];
const occiish = fc.array(fc.oneof(fc.constantFrom(...OCCI_WORDS), fc.string({ maxLength: 4, unit: 'binary' })), { maxLength: 40 }).map((parts) => parts.join(''));

function mutate(text: string, ops: { at: number; kind: number; ch: string }[]): string {
  let s = text;
  for (const { at, kind, ch } of ops) {
    const i = s.length ? at % s.length : 0;
    if (kind === 0) s = s.slice(0, i) + s.slice(i + 1);
    else if (kind === 1) s = s.slice(0, i) + ch + s.slice(i);
    else if (kind === 2) s = s.slice(0, i) + s.slice(i, i + 8) + s.slice(i);
    else s = s.slice(0, i) + ch + s.slice(i + 1);
  }
  return s;
}
const mutations = fc.array(fc.record({ at: fc.nat(), kind: fc.integer({ min: 0, max: 3 }), ch: fc.constantFrom(...OCCI_WORDS, '\u0000', '\u2028', 'é') }), { minLength: 1, maxLength: 6 });

describe('fuzz: nothing but OcciError ever escapes', () => {
  it('random text in every structure and rendering, as body and as headers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STRUCTURES), fc.constantFrom(...MEDIA), fc.oneof(occiish, fc.string({ unit: 'binary' })), (s, mt, text) => {
        survives(s, mt, { headers: {}, body: text });
        survives(s, mt, { headers: { Category: text, 'x-occi-attribute': [text, text], LINK: text, 'X-OCCI-Location': text }, body: '' });
        for (const message of [{ headers: {}, body: text }, { headers: { Category: text, 'X-OCCI-Attribute': text }, body: '' }]) {
          try {
            parseFilterMessage(mt, message);
          } catch (e) {
            if (!(e instanceof OcciError)) throw e;
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('random JSON values in every structure', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STRUCTURES), fc.jsonValue(), (s, v) => survives(s, 'application/occi+json', { headers: {}, body: JSON.stringify(v) ?? 'null' })),
      { numRuns: 300 },
    );
  });

  it('mutated valid renderings', () => {
    const value = fc.oneof(
      arb.resource.map((v) => ['resource', v] as const),
      arb.standaloneLink.map((v) => ['link', v] as const),
      arb.categories.map((v) => ['categories', v] as const),
      arb.invocation.map((v) => ['action', v] as const),
    );
    fc.assert(
      fc.property(value, fc.constantFrom<MediaType>('text/plain', 'text/occi', 'application/occi+json'), mutations, ([structure, v], mt, ops) => {
        const out = render(structure, mt, v as never);
        survives(structure, mt, { headers: {}, body: mutate(out.body, ops) });
        const headers: OcciMessage['headers'] = {};
        for (const [k, vals] of Object.entries(out.headers)) headers[k] = vals.map((x) => mutate(x, ops));
        survives(structure, mt, { headers, body: out.body });
      }),
      { numRuns: 300 },
    );
  });

  it('hostile shapes: deep nesting, huge numbers, prototype keys, odd header values', () => {
    const cases: [Structure, MediaType, OcciMessage][] = [
      ['resource', 'application/occi+json', { headers: {}, body: '['.repeat(100_000) }],
      ['resource', 'application/occi+json', { headers: {}, body: '{"kind":"http://x#y","id":"1","attributes":{"__proto__":{"a":1},"constructor":1}}' }],
      ['resource', 'text/plain', { headers: {}, body: 'X-OCCI-Attribute: a=' + '['.repeat(50_000) }],
      ['resource', 'text/plain', { headers: {}, body: 'X-OCCI-Attribute: a=1e999999' }],
      ['resource', 'text/occi', { headers: { Category: [undefined as unknown as string, 42 as unknown as string] }, body: '' }],
      ['resource', 'text/occi', { headers: { Category: undefined }, body: undefined as unknown as string }],
      ['resource', 'application/json', { headers: {}, body: undefined as unknown as string }],
    ];
    for (const [s, mt, m] of cases) survives(s, mt, m);
    expect(() => parse('nonsense' as Structure, 'text/plain', { headers: {}, body: '' })).toThrow(OcciError);
    expect(() => parse('resource', 'text/html' as MediaType, { headers: {}, body: '' })).toThrow(expect.objectContaining({ status: 415 }));
  });

  it('filters from arbitrary query parameters', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('category', 'attribute', 'x'), fc.oneof(fc.string(), fc.array(fc.string()), fc.integer() as fc.Arbitrary<unknown>)), (q) => {
        try {
          parseFilter(q);
        } catch (e) {
          expect(e).toBeInstanceOf(OcciError);
        }
      }),
    );
  });
});
