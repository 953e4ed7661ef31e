import fc from 'fast-check';
import type { ActionData, AttributeSpec, AttributeValue, CategoryCollection, KindData, LinkData, MixinData, ResourceData } from '../src/index';

/** Random test data for the property and fuzz tests. */

const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/);

export const term = fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,9}$/);
export const scheme = (host: string) => fc.stringMatching(/^[a-z]{1,6}(\/[a-z0-9]{1,5}){0,2}$/).map((path) => `http://${host}.example/${path}#`);
export const categoryId = (host = 'c') => fc.tuple(scheme(host), term).map(([s, t]) => s + t);
export const attributeName = fc.array(word, { minLength: 2, maxLength: 4 }).map((parts) => parts.join('.')).filter((n) => !n.startsWith('occi.core.'));
export const path = fc.array(fc.stringMatching(/^[a-zA-Z0-9_~.-]{1,8}$/), { minLength: 1, maxLength: 3 }).map((parts) => '/' + parts.join('/'));
export const location = fc.oneof(path, path.map((p) => `https://h.example${p}`));

/** Any string, including quotes, backslashes, control characters and lone surrogates. */
const anyString = fc.string({ unit: 'binary', maxLength: 24 });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Object.is(d, -0) ? 0 : d));

export const attributeValue: fc.Arbitrary<AttributeValue> = fc.oneof(
  { weight: 4, arbitrary: anyString },
  { weight: 2, arbitrary: finite },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as AttributeValue) },
);

export const attributes = fc.dictionary(attributeName, attributeValue, { maxKeys: 5 });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

const kindId = categoryId('k');
const mixinId = categoryId('m');
const actionId = categoryId('a');
const nonEmpty = anyString.filter((s) => s.length > 0);

const linkBody = fc.record({
  id: nonEmpty,
  kind: kindId,
  mixins: fc.uniqueArray(mixinId, { maxLength: 2 }),
  title: optional(anyString),
  attributes,
  target: fc.record({ location, kind: optional(kindId) }).map(strip),
  location: optional(path),
  actions: optional(fc.uniqueArray(actionId, { minLength: 1, maxLength: 2 })),
});

export const standaloneLink: fc.Arbitrary<LinkData> = fc
  .tuple(linkBody, fc.record({ location, kind: optional(kindId) }).map(strip))
  .map(([l, source]) => strip({ ...l, source }) as LinkData);

export const resource: fc.Arbitrary<ResourceData> = fc
  .record({
    id: nonEmpty,
    kind: kindId,
    mixins: fc.uniqueArray(mixinId, { maxLength: 3 }),
    title: optional(anyString),
    summary: optional(anyString),
    attributes,
    location: optional(path),
    actions: optional(fc.uniqueArray(actionId, { minLength: 1, maxLength: 3 })),
    links: fc.array(linkBody, { maxLength: 2 }),
  })
  .map((r) => {
    const source = { location: r.location ?? '', kind: r.kind };
    return strip({ ...r, links: r.links.map((l) => strip({ ...l, source }) as LinkData) }) as ResourceData;
  });

const SAFE_PATTERNS = ['^a+$', '[0-9]', '^[A-Z][a-z]*$', '.*'];

export const attributeSpec: fc.Arbitrary<AttributeSpec> = fc
  .record({
    type: fc.constantFrom('string', 'number', 'integer', 'boolean', 'enum', 'array', 'object', 'uri', 'datetime' as const),
    mutable: fc.boolean(),
    required: fc.boolean(),
    default: optional(attributeValue.filter((v) => v !== null)),
    description: optional(anyString),
    values: fc.uniqueArray(anyString, { minLength: 1, maxLength: 4 }),
    pattern: optional(fc.constantFrom(...SAFE_PATTERNS)),
  })
  .map(({ values, pattern, ...s }) => {
    const spec: AttributeSpec = strip({ ...s }) as AttributeSpec;
    if (s.type === 'enum') spec.enum = values;
    if (s.type === 'string' && pattern !== undefined) spec.pattern = pattern;
    return spec;
  });

const specs = optional(fc.dictionary(attributeName, attributeSpec, { minKeys: 1, maxKeys: 4 }));
const ID_ARBS: Record<string, fc.Arbitrary<string>> = { k: kindId, m: mixinId, a: actionId };
const ids = (host: string) => optional(fc.uniqueArray(ID_ARBS[host]!, { minLength: 1, maxLength: 3 }));

export const kind: fc.Arbitrary<KindData> = fc
  .record({ scheme: scheme('k'), term, title: optional(anyString), parent: optional(kindId), attributes: specs, actions: ids('a'), location: optional(path.map((p) => p + '/')) })
  .map((k) => strip(k) as KindData);

export const mixin: fc.Arbitrary<MixinData> = fc
  .record({ scheme: scheme('m'), term, title: optional(anyString), depends: ids('m'), applies: ids('k'), attributes: specs, actions: ids('a'), location: optional(path.map((p) => p + '/')) })
  .map((m) => strip(m) as MixinData);

export const action: fc.Arbitrary<ActionData> = fc.record({ scheme: scheme('a'), term, title: optional(anyString), attributes: specs }).map((a) => strip(a) as ActionData);

/** Collections whose identifiers are unique within each class. */
export const categories: fc.Arbitrary<CategoryCollection> = fc.record({
  kinds: fc.uniqueArray(kind, { maxLength: 3, selector: (k) => k.scheme + k.term }),
  mixins: fc.uniqueArray(mixin, { maxLength: 3, selector: (m) => m.scheme + m.term }),
  actions: fc.uniqueArray(action, { maxLength: 3, selector: (a) => a.scheme + a.term }),
});

export const invocation = fc.record({ action: actionId, attributes });
export const locations = fc.array(location, { maxLength: 5 });
