import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, render } from '../src/index';
import type { AnyEntityData, AttributeSpecs, CategoryCollection, MediaType, MixinData, Structure, StructureMap } from '../src/index';
import * as arb from './arbitraries';

const TEXT: MediaType[] = ['text/plain', 'text/occi'];
const JSON_TYPES: MediaType[] = ['application/occi+json', 'application/json'];
const ALL: MediaType[] = [...TEXT, ...JSON_TYPES];

function roundTrip<S extends Structure>(structure: S, mediaType: MediaType, value: StructureMap[S]): StructureMap[S] {
  const out = render(structure, mediaType, value);
  return parse(structure, mediaType, { headers: out.headers, body: out.body });
}

/** What the text renderings carry of an entity: everything but the entity's own location (the request URL carries it). */
function textEntity<E extends AnyEntityData>(e: E): E {
  const copy = { ...e };
  delete copy.location;
  // An inline Link value has no room for the link's own actions.
  if ('links' in copy) copy.links = copy.links.map((l) => clean({ ...l, actions: undefined }));
  return copy;
}

function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** What the text renderings carry of attribute definitions: names and the required/immutable flags. */
function textSpecs(specs: AttributeSpecs | undefined): AttributeSpecs | undefined {
  if (!specs) return undefined;
  const out: AttributeSpecs = {};
  for (const [name, s] of Object.entries(specs)) out[name] = { type: 'string', required: s.required ?? false, mutable: s.mutable ?? true };
  return out;
}


function textMixin(m: MixinData): MixinData {
  return clean({ ...m, depends: m.depends?.slice(0, 1), applies: undefined, attributes: textSpecs(m.attributes) });
}

function textCategories(c: CategoryCollection): CategoryCollection {
  return {
    kinds: c.kinds.map((k) => clean({ ...k, attributes: textSpecs(k.attributes) })),
    mixins: c.mixins.map(textMixin),
    actions: c.actions.map((a) => clean({ ...a, attributes: textSpecs(a.attributes) })),
  };
}

describe('round trips: render then parse gives the value back', () => {
  it('resources, in every rendering', () => {
    fc.assert(
      fc.property(arb.resource, fc.constantFrom(...ALL), (r, mt) => {
        expect(roundTrip('resource', mt, r)).toEqual(TEXT.includes(mt) ? textEntity(r) : r);
        expect(roundTrip('entity', mt, r)).toEqual(TEXT.includes(mt) ? textEntity(r) : r);
      }),
    );
  });

  it('links, in every rendering', () => {
    fc.assert(
      fc.property(arb.standaloneLink, fc.constantFrom(...ALL), (l, mt) => {
        expect(roundTrip('link', mt, l)).toEqual(TEXT.includes(mt) ? textEntity(l) : l);
        expect(roundTrip('entity', mt, l)).toEqual(TEXT.includes(mt) ? textEntity(l) : l);
      }),
    );
  });

  it('category collections, in JSON exactly and in text as far as the text grammar carries them', () => {
    fc.assert(
      fc.property(arb.categories, fc.constantFrom(...ALL), (c, mt) => {
        expect(roundTrip('categories', mt, c)).toEqual(TEXT.includes(mt) ? textCategories(c) : c);
      }),
    );
  });

  it('user mixin definitions', () => {
    fc.assert(
      fc.property(arb.mixin, fc.constantFrom(...ALL), (m, mt) => {
        expect(roundTrip('mixin', mt, m)).toEqual(TEXT.includes(mt) ? textMixin(m) : m);
      }),
    );
  });

  it('action invocations', () => {
    fc.assert(
      fc.property(arb.invocation, fc.constantFrom(...ALL), (a, mt) => {
        expect(roundTrip('action', mt, a)).toEqual(a);
      }),
    );
  });

  it('location lists and mixin associations, including text/uri-list', () => {
    fc.assert(
      fc.property(arb.locations, fc.constantFrom<MediaType>(...ALL, 'text/uri-list'), (l, mt) => {
        expect(roundTrip('locations', mt, l)).toEqual(l);
        expect(roundTrip('association', mt, l)).toEqual(l);
      }),
    );
  });

  it('entity collections in JSON', () => {
    fc.assert(
      fc.property(fc.array(arb.resource, { maxLength: 3 }), fc.array(arb.standaloneLink, { maxLength: 3 }), fc.constantFrom(...JSON_TYPES), (resources, links, mt) => {
        expect(roundTrip('collection', mt, { resources, links })).toEqual({ resources, links });
      }),
    );
  });

  it('parsing with ajv or with the fast validator gives the same value', () => {
    fc.assert(
      fc.property(arb.resource, (r) => {
        const body = render('resource', 'application/occi+json', r).body;
        expect(parse('resource', 'application/occi+json', { headers: {}, body }, { jsonValidation: 'schema' })).toEqual(parse('resource', 'application/occi+json', { headers: {}, body }));
      }),
      { numRuns: 50 },
    );
  });
});
