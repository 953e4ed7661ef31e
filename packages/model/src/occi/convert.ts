import { KIND } from '@accords/occi';
import type { Attributes, AttributeValue, LinkData, ResourceData } from '@accords/occi';
import type { ModelTypes } from '../schema/registry';
import type { ProvisionedResource, Result, ValidationIssue } from '../types';
import { validate } from '../validate/validate';
import { escapePointer } from '../validate/issues';
import { parseManifest } from '../parse/parse-manifest';
import { ModelError } from '../errors';
import { ACCORDS_BROKER_SCHEME, categoryIdOf, mappingOf } from './mappings';
import type { OcciMapping } from './mappings';
import { attributeName, propertiesOf } from './attributes';

/** Model types that have an OCCI category. */
export type OcciTypeName =
  | 'Manifest'
  | 'ManifestNode'
  | 'NodeRelation'
  | 'PlacementGroup'
  | 'ServiceTerms'
  | 'Guarantee'
  | 'Provider'
  | 'Region'
  | 'Offer'
  | 'SignalSeries'
  | 'Agreement'
  | 'PlacementPlan'
  | 'Placement'
  | 'Contract'
  | 'UsageRecord'
  | 'Invoice'
  | 'ProvisionedResource';

/** Options of {@link toOcci}. */
export interface ToOcciOptions {
  /** Entity id (default: the value's `id`, or an id derived from the content). */
  id?: string;
  /** Entity location (default: `<collection>/<id>`). */
  location?: string;
  /** Source location of a relation link (default `/node/<from>`). */
  source?: string;
  /** Target location of a relation link (default `/node/<to>`). */
  target?: string;
}

const KIND_LOCATIONS: Record<string, string> = {
  [KIND.agreement]: '/agreement/',
  [KIND.compute]: '/compute/',
  [KIND.storage]: '/storage/',
  [KIND.network]: '/network/',
  [ACCORDS_BROKER_SCHEME + 'manifest']: '/manifest/',
};

const PENDING_AS: Record<string, string> = { compute: 'inactive', storage: 'offline', network: 'inactive' };

/**
 * A UUID-shaped id derived from a text (FNV-1a over four lanes): the same text always gives the
 * same id, on every platform. Not a cryptographic hash.
 * @param text - e.g. a kind term and the JSON of a value.
 * @returns an id in UUID form (version nibble 8).
 * @example
 * ```ts
 * derivedId('node\n{"name":"web"}') === derivedId('node\n{"name":"web"}'); // true
 * ```
 */
export function derivedId(text: string): string {
  const lanes = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x2545f491];
  for (let i = 0; i < text.length; i++)
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul(lanes[l]! ^ (text.charCodeAt(i) + l * 131), 16777619);
  const hex = lanes.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function mappingFor(type: OcciTypeName): OcciMapping {
  const mapping = mappingOf(type);
  if (!mapping) throw new TypeError(`"${String(type)}" has no OCCI category.`);
  return mapping;
}

/**
 * Converts a model value to an OCCI entity of its Accords kind (or of the standard kind its
 * Accords mixin applies to), one attribute per property.
 * @param type - the model type.
 * @param value - a valid value of that type.
 * @param options - id, location, and link ends for relations.
 * @returns a ResourceData (a LinkData for NodeRelation).
 * @throws TypeError when the type has no OCCI category.
 * @example
 * ```ts
 * const entity = toOcci('Offer', demoCatalogue().offers[0]);
 * entity.attributes['accords.offer.pricePerHour']; // 0.092
 * ```
 */
export function toOcci<K extends OcciTypeName>(type: K, value: ModelTypes[K], options: ToOcciOptions = {}): ResourceData | LinkData {
  const mapping = mappingFor(type);
  const record = value as Record<string, unknown>;
  const attributes: Attributes = {};
  const { properties } = propertiesOf(mapping);
  for (const property of Object.keys(properties)) {
    const v = record[property];
    if (v === undefined || (property === 'id' && mapping.idIsEntityId)) continue;
    if (property === mapping.flatten) {
      for (const [field, fv] of Object.entries(v as Record<string, unknown>))
        if (fv !== undefined) attributes[`${mapping.prefix}.${field}`] = fv as AttributeValue;
    } else if (type !== 'ProvisionedResource' || !['kind', 'name', 'attributes'].includes(property))
      attributes[attributeName(mapping, property)] = v as AttributeValue;
  }
  let kind = mapping.category === 'kind' ? categoryIdOf(mapping) : mapping.applies![0]!;
  let title = typeof record.name === 'string' ? record.name : undefined;
  if (type === 'ProvisionedResource') {
    const resource = value as ProvisionedResource;
    kind = KIND[resource.kind];
    Object.assign(attributes, resource.attributes);
    attributes[`occi.${resource.kind}.state`] = resource.state === 'pending' ? PENDING_AS[resource.kind]! : resource.state;
    title = resource.name;
  }
  const id = options.id ?? (mapping.idIsEntityId ? String(record.id) : derivedId(`${mapping.term}\n${JSON.stringify(value)}`));
  const entity = {
    id,
    kind,
    mixins: mapping.category === 'mixin' ? [categoryIdOf(mapping)] : [],
    attributes,
    location: options.location ?? `${KIND_LOCATIONS[kind] ?? mapping.location}${id}`,
    ...(title !== undefined ? { title } : {}),
  };
  if (type === 'NodeRelation') {
    const r = value as ModelTypes['NodeRelation'];
    return { ...entity, source: { location: options.source ?? `/node/${r.from}` }, target: { location: options.target ?? `/node/${r.to}` } };
  }
  return { ...entity, links: [] };
}

function wrongCategory(mapping: OcciMapping, entity: ResourceData | LinkData): ValidationIssue | undefined {
  const id = categoryIdOf(mapping);
  if (mapping.category === 'kind' && entity.kind !== id)
    return { code: 'wrong-category', message: `Expected an entity of kind ${id}, found ${entity.kind}.`, location: { pointer: '/kind', attribute: 'kind' } };
  if (mapping.category === 'mixin' && (!entity.mixins.includes(id) || !mapping.applies!.includes(entity.kind)))
    return {
      code: 'wrong-category',
      message: `Expected an entity of kind ${mapping.applies!.join(' or ')} with the mixin ${id}.`,
      location: { pointer: '/mixins', attribute: 'mixins' },
    };
  return undefined;
}

function readValue(mapping: OcciMapping, entity: ResourceData | LinkData): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const attrs = entity.attributes;
  const { properties } = propertiesOf(mapping);
  for (const [property, schema] of Object.entries(properties)) {
    if (property === 'id' && mapping.idIsEntityId) value.id = entity.id;
    else if (property === mapping.flatten) {
      const nested: Record<string, unknown> = {};
      for (const field of Object.keys((schema as { properties: object }).properties)) {
        const v = attrs[`${mapping.prefix}.${field}`];
        if (v !== undefined && v !== null) nested[field] = v;
      }
      value[property] = nested;
    } else {
      const v = attrs[attributeName(mapping, property)];
      if (v !== undefined && v !== null) value[property] = v;
    }
  }
  if (mapping.type === 'ProvisionedResource') {
    const kind = (Object.keys(PENDING_AS) as ProvisionedResource['kind'][]).find((k) => KIND[k] === entity.kind);
    if (kind) {
      value.kind = kind;
      value.state ??= attrs[`occi.${kind}.state`];
    }
    if (entity.title !== undefined) value.name = entity.title;
    value.attributes = Object.fromEntries(
      Object.entries(attrs).filter(([name]) => !name.startsWith(`${mapping.prefix}.`) && name !== `occi.${kind}.state`),
    );
  }
  return value;
}

function toAttributeIssue(mapping: OcciMapping, issue: ValidationIssue): ValidationIssue {
  const [, head, ...rest] = issue.location.pointer.split('/');
  if (head === undefined) return issue;
  const property = head.replace(/~1/g, '/').replace(/~0/g, '~');
  let attribute = attributeName(mapping, property);
  let tail = rest;
  if (property === mapping.flatten && rest[0] !== undefined) [attribute, tail] = [`${mapping.prefix}.${rest[0]}`, rest.slice(1)];
  if (property === 'id' && mapping.idIsEntityId) return { ...issue, location: { pointer: '/id', attribute: 'occi.core.id' } };
  if (mapping.type === 'ProvisionedResource' && property === 'name') attribute = 'occi.core.title';
  const pointer = `/attributes/${escapePointer(attribute)}${tail.length ? `/${tail.join('/')}` : ''}`;
  return { ...issue, location: { pointer, attribute } };
}

/**
 * Reads a model value back from an OCCI entity made by {@link toOcci} (or sent by a client),
 * and validates it against the type's JSON Schema. A manifest entity may carry the whole document
 * in `accords.manifest.document` (JSON or YAML) instead of one attribute per part.
 * @param type - the model type expected.
 * @param entity - the OCCI entity.
 * @returns the value, or issues naming the OCCI attribute (and a pointer into the entity).
 * @example
 * ```ts
 * const r = fromOcci('Offer', toOcci('Offer', offer));
 * r.ok && r.value.id === offer.id; // true
 * ```
 */
export function fromOcci<K extends OcciTypeName>(type: K, entity: ResourceData | LinkData): Result<ModelTypes[K]> {
  const mapping = mappingFor(type);
  const wrong = wrongCategory(mapping, entity);
  if (wrong) return { ok: false, issues: [wrong] };
  const document = entity.attributes['accords.manifest.document'];
  if (type === 'Manifest' && typeof document === 'string') {
    try {
      return { ok: true, value: parseManifest(document) as ModelTypes[K] };
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      const attribute = 'accords.manifest.document';
      return { ok: false, issues: error.issues.map((i) => ({ ...i, location: { ...i.location, attribute } })) };
    }
  }
  const result = validate(type, readValue(mapping, entity));
  if (result.ok) return result as Result<ModelTypes[K]>;
  return { ok: false, issues: result.issues.map((i) => toAttributeIssue(mapping, i)) };
}
