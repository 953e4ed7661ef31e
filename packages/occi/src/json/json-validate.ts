import type { Issue } from '../errors';
import type { Structure } from '../render/structures';

/*
 * A hand-written validator with exactly the rules of schemas/occi-1.2.json, so that the hot path
 * does not pay for ajv; a property test keeps the two in agreement.
 */

type Check = (value: unknown, pointer: string, issues: Issue[]) => void;

// Same patterns as the schema; without the `u` flag they accept exactly the same strings (they
// only name ASCII characters and \s), and they run faster.
const CATEGORY_ID = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s#]*#[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s#]*#$/;
const TERM = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const ATTRIBUTE_NAME = /^[a-zA-Z0-9_-]+(\.[a-zA-Z0-9_-]+)*$/;

/** Identifiers and attribute names repeat across a collection: remember the valid ones. */
class Known {
  readonly #set = new Set<string>();
  constructor(readonly re: RegExp) {}
  test(s: string): boolean {
    if (this.#set.has(s)) return true;
    if (!this.re.test(s)) return false;
    if (this.#set.size > 4096) this.#set.clear();
    this.#set.add(s);
    return true;
  }
}
const KNOWN_ID = new Known(CATEGORY_ID);
const KNOWN_NAME = new Known(ATTRIBUTE_NAME);

/*
 * The first pass only tells valid from invalid and builds no JSON pointers; when it fails, a
 * second pass with `explain` set collects every issue with its pointer.
 */
let explain = false;
const at = (p: string, key: string | number): string => (explain ? p + '/' + (typeof key === 'number' ? key : esc(key)) : '');
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'enum', 'uri', 'datetime']);
const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function esc(token: string): string {
  return token.indexOf('~') < 0 && token.indexOf('/') < 0 ? token : token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function add(issues: Issue[], pointer: string, message: string): void {
  issues.push(explain ? { code: 'schema_violation', message: `${pointer || '/'}: ${message}`, location: { pointer } } : FAILED);
}
const FAILED: Issue = { code: 'schema_violation', message: 'invalid' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const string: Check = (v, p, issues) => {
  if (typeof v !== 'string') add(issues, p, 'must be string');
};
const boolean: Check = (v, p, issues) => {
  if (typeof v !== 'boolean') add(issues, p, 'must be boolean');
};
const any: Check = () => undefined;

function matching(re: RegExp | Known, what: string): Check {
  return (v, p, issues) => {
    if (typeof v !== 'string') add(issues, p, 'must be string');
    else if (!re.test(v)) add(issues, p, `must be ${what}`);
  };
}

const nonEmpty: Check = (v, p, issues) => {
  if (typeof v !== 'string') add(issues, p, 'must be string');
  else if (v.length === 0) add(issues, p, 'must not be empty');
};
const categoryId = matching(KNOWN_ID, 'a category identifier (scheme#term)');

function arrayOf(item: Check): Check {
  return (v, p, issues) => {
    if (!Array.isArray(v)) return add(issues, p, 'must be array');
    for (let i = 0; i < v.length; i++) item(v[i], at(p, i), issues);
  };
}

function object(required: string[], props: Record<string, Check>): Check {
  return (v, p, issues) => {
    if (!isObject(v)) return add(issues, p, 'must be object');
    for (const r of required) if (!hasOwn(v, r)) add(issues, at(p, r), 'is required');
    for (const key in v) {
      if (!hasOwn(props, key)) add(issues, at(p, key), 'is not allowed here');
      else props[key]!(v[key], at(p, key), issues);
    }
  };
}

const categoryIds = arrayOf(categoryId);
const attributes: Check = (v, p, issues) => {
  if (!isObject(v)) return add(issues, p, 'must be object');
  for (const key in v) if (!KNOWN_NAME.test(key)) add(issues, at(p, key), 'is not a valid attribute name');
};
const kindedUri: Check = (v, p, issues) => {
  if (typeof v === 'string') return nonEmpty(v, p, issues);
  object(['location'], { location: nonEmpty, kind: categoryId })(v, p, issues);
};
const entityProps: Record<string, Check> = { kind: categoryId, mixins: categoryIds, attributes, actions: categoryIds, id: nonEmpty, title: string, location: nonEmpty };
const linkProps = { ...entityProps, source: kindedUri, target: kindedUri };
const link = object(['kind', 'id', 'source', 'target'], linkProps);
const inlineLink = object(['kind', 'id', 'target'], linkProps);
const resource = object(['kind', 'id'], { ...entityProps, summary: string, links: arrayOf(inlineLink) });
const entity: Check = (v, p, issues) => (isObject(v) && (hasOwn(v, 'source') || hasOwn(v, 'target')) ? link : resource)(v, p, issues);

const attributeDefinition = object([], {
  type: (v, p, issues) => {
    if (typeof v !== 'string' || !TYPES.has(v)) add(issues, p, 'must be one of string, number, integer, boolean, array, object, enum, uri, datetime');
  },
  mutable: boolean,
  required: boolean,
  default: any,
  pattern: string,
  enum: arrayOf(string),
  description: string,
});
const attributeDefinitions: Check = (v, p, issues) => {
  if (!isObject(v)) return add(issues, p, 'must be object');
  for (const key in v) {
    if (!KNOWN_NAME.test(key)) add(issues, at(p, key), 'is not a valid attribute name');
    attributeDefinition(v[key], at(p, key), issues);
  }
};
const term = matching(TERM, 'a term');
const scheme = matching(SCHEME, 'a scheme (URI ending in #)');
const kind = object(['term', 'scheme'], { term, scheme, title: string, attributes: attributeDefinitions, actions: categoryIds, parent: categoryId, location: nonEmpty });
const mixin = object(['term', 'scheme'], { term, scheme, title: string, attributes: attributeDefinitions, actions: categoryIds, depends: categoryIds, applies: categoryIds, location: nonEmpty });
const action = object(['term', 'scheme'], { term, scheme, title: string, attributes: attributeDefinitions });
const locationList = arrayOf(nonEmpty);
const locations: Check = (v, p, issues) => (Array.isArray(v) ? locationList : object(['locations'], { locations: locationList }))(v, p, issues);

const BY_STRUCTURE: Record<Structure, Check> = {
  categories: object([], { kinds: arrayOf(kind), mixins: arrayOf(mixin), actions: arrayOf(action) }),
  resource,
  link,
  entity,
  collection: object([], { resources: arrayOf(resource), links: arrayOf(link) }),
  locations,
  association: locations,
  action: object(['action'], { action: categoryId, attributes }),
  mixin,
};

/**
 * Validates parsed JSON with the rules of the corrected schema, without ajv.
 * @param structure - the expected structure.
 * @param value - the parsed JSON.
 * @returns the issues (JSON pointers); empty when valid.
 */
export function fastValidate(structure: Structure, value: unknown): Issue[] {
  const issues: Issue[] = [];
  BY_STRUCTURE[structure](value, '', issues);
  if (issues.length === 0) return issues;
  issues.length = 0;
  explain = true;
  try {
    BY_STRUCTURE[structure](value, '', issues);
  } finally {
    explain = false;
  }
  return issues;
}
