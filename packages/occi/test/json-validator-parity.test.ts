import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRUCTURES, render, validateJsonSchema } from '../src/index';
import type { Structure } from '../src/index';
import { fastValidate } from '../src/json/json-validate';
import * as arb from './arbitraries';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Changes one node of a JSON tree: drop a member, retype a value, or add a member. */
function mutate(value: Json, path: number[], replacement: Json): Json {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const [head = 0, ...rest] = path;
  if (Array.isArray(value)) {
    if (value.length === 0) return [replacement];
    const i = head % value.length;
    return value.map((v, j) => (j === i ? mutate(v, rest, replacement) : v));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return { extra: replacement };
  const key = keys[head % keys.length]!;
  if (head % 7 === 3) {
    const copy = { ...value };
    delete copy[key];
    return copy;
  }
  if (head % 11 === 5) return { ...value, [`added${head}`]: replacement };
  return { ...value, [key]: mutate(value[key] as Json, rest, replacement) };
}

function agree(structure: Structure, value: unknown): void {
  const fast = fastValidate(structure, value).length === 0;
  const ajv = validateJsonSchema(structure, value).ok;
  expect(fast, `${structure}: ${JSON.stringify(value)?.slice(0, 300)}`).toBe(ajv);
}

const documents = fc.oneof(
  arb.resource.map((v) => ['resource', JSON.parse(render('resource', 'application/occi+json', v).body)] as const),
  arb.standaloneLink.map((v) => ['link', JSON.parse(render('link', 'application/occi+json', v).body)] as const),
  arb.categories.map((v) => ['categories', JSON.parse(render('categories', 'application/occi+json', v).body)] as const),
  arb.mixin.map((v) => ['mixin', JSON.parse(render('mixin', 'application/occi+json', v).body)] as const),
  arb.invocation.map((v) => ['action', JSON.parse(render('action', 'application/occi+json', v).body)] as const),
  arb.locations.map((v) => ['locations', v] as const),
);

describe('the fast JSON validator agrees with ajv on the corrected schema', () => {
  it('on valid documents of every structure', () => {
    fc.assert(
      fc.property(documents, ([s, doc]) => {
        expect(fastValidate(s, doc)).toEqual([]);
        agree(s, doc);
        agree('entity', doc);
        agree('collection', { resources: s === 'resource' ? [doc] : [], links: s === 'link' ? [doc] : [] });
      }),
      { numRuns: 200 },
    );
  });

  it('on mutated documents and on any JSON', () => {
    fc.assert(
      fc.property(documents, fc.array(fc.nat(40), { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), ([s, doc], path, replacement) => {
        const mutated = mutate(doc as Json, path, replacement as Json);
        agree(s, mutated);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.constantFrom(...STRUCTURES), fc.jsonValue(), (s, v) => agree(s, v)),
      { numRuns: 300 },
    );
  });
});
