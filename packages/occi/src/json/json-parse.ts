import { OcciError } from '../errors';
import type { Issue } from '../errors';
import type { ActionData, AttributeSpecs, CategoryCollection, KindData, MixinData } from '../model/category';
import type { AnyEntityData, Attributes, LinkData, LinkEnd, ResourceData } from '../model/entity';
import type { ParseOptions, Structure, StructureMap } from '../render/structures';
import { specFromJson } from './attribute-json';
import type { JsonAttributeDefinition } from './attribute-json';
import { validateJsonSchema } from './json-schema';
import { locateJsonError } from './json-locate';
import { fastValidate } from './json-validate';

type Json = Record<string, unknown>;

function syntaxError(body: string, error: unknown): OcciError {
  const message = (error as Error)?.message ?? String(error);
  const where = locateJsonError(body);
  return new OcciError('parse_error', `invalid JSON${where ? ` at line ${where.line}, column ${where.column}` : ''}: ${message.split('\n')[0]}`, { location: where ?? {}, cause: error });
}

const CORE_FIELDS = ['occi.core.id', 'occi.core.title', 'occi.core.summary', 'occi.core.source', 'occi.core.target'];

function hasCoreAttribute(attributes: Attributes): boolean {
  for (const name of CORE_FIELDS) if (Object.prototype.hasOwnProperty.call(attributes, name)) return true;
  return false;
}

/** Moves `occi.core.*` found in `attributes` (a common rendering variant) to their fields; conflicting values are an error. */
function liftCore(o: Json, pointer: string): Attributes {
  const attributes = { ...(o.attributes as Attributes) };
  const field: Record<string, string> = { 'occi.core.id': 'id', 'occi.core.title': 'title', 'occi.core.summary': 'summary', 'occi.core.source': 'source', 'occi.core.target': 'target' };
  for (const [name, key] of Object.entries(field)) {
    if (!Object.prototype.hasOwnProperty.call(attributes, name)) continue;
    const value = attributes[name];
    delete attributes[name];
    const at = `${pointer}/attributes/${name}`;
    if (typeof value !== 'string') throw new OcciError('invalid_attribute', `${at}: ${name} must be a string`, { location: { pointer: at, attribute: name } });
    const current = o[key];
    const currentText = typeof current === 'object' && current !== null ? (current as LinkEnd).location : current;
    if (current !== undefined && currentText !== value) {
      throw new OcciError('conflict', `${at}: ${name} "${value}" contradicts ${pointer}/${key}`, { location: { pointer: at, attribute: name } });
    }
    if (current === undefined) o[key] = value;
  }
  return attributes;
}

function linkEnd(v: unknown): LinkEnd {
  return typeof v === 'string' ? { location: v } : (v as LinkEnd);
}

/*
 * The conversions below reuse the objects JSON.parse made (they are fresh and already checked
 * against the schema), filling in defaults instead of copying: parsing then costs little more
 * than JSON.parse itself.
 */
function liftIfNeeded(o: Json, pointer: string): void {
  const raw = o.attributes as Attributes | undefined;
  if (raw === undefined) o.attributes = {};
  else if (hasCoreAttribute(raw)) o.attributes = liftCore(o, pointer);
}

function toLink(o: Json, args: { pointer: string; source?: LinkEnd }): LinkData {
  liftIfNeeded(o, args.pointer);
  if (o.mixins === undefined) o.mixins = [];
  o.source = o.source !== undefined ? linkEnd(o.source) : args.source ? { ...args.source } : { location: '' };
  o.target = linkEnd(o.target);
  return o as unknown as LinkData;
}

function toResource(o: Json, pointer: string): ResourceData {
  liftIfNeeded(o, pointer);
  if (o.mixins === undefined) o.mixins = [];
  const links = o.links as Json[] | undefined;
  if (links === undefined) o.links = [];
  else {
    const source: LinkEnd = o.location === undefined ? { location: '', kind: o.kind as string } : { location: o.location as string, kind: o.kind as string };
    for (let i = 0; i < links.length; i++) toLink(links[i]!, { pointer: `${pointer}/links/${i}`, source });
  }
  return o as unknown as ResourceData;
}

function specs(v: unknown): AttributeSpecs | undefined {
  if (v === undefined) return undefined;
  const out: AttributeSpecs = {};
  for (const [name, def] of Object.entries(v as Record<string, JsonAttributeDefinition>)) out[name] = specFromJson(def);
  return out;
}

function toCategory<T extends KindData | MixinData | ActionData>(o: Json): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k] = k === 'attributes' ? specs(v) : Array.isArray(v) ? [...v] : v;
  return out as T;
}

function convert<S extends Structure>(structure: S, value: unknown): StructureMap[S] {
  switch (structure) {
    case 'resource':
      return toResource(value as Json, '') as StructureMap[S];
    case 'link':
      return toLink(value as Json, { pointer: '' }) as StructureMap[S];
    case 'entity': {
      const o = value as Json;
      const e: AnyEntityData = o.source !== undefined || o.target !== undefined ? toLink(o, { pointer: '' }) : toResource(o, '');
      return e as StructureMap[S];
    }
    case 'collection': {
      const o = value as Json;
      const resources = (o.resources as Json[] | undefined) ?? [];
      const links = (o.links as Json[] | undefined) ?? [];
      for (let i = 0; i < resources.length; i++) toResource(resources[i]!, `/resources/${i}`);
      for (let i = 0; i < links.length; i++) toLink(links[i]!, { pointer: `/links/${i}` });
      return { resources, links } as unknown as StructureMap[S];
    }
    case 'categories': {
      const o = value as Json;
      const c: CategoryCollection = {
        kinds: ((o.kinds as Json[] | undefined) ?? []).map((k) => toCategory<KindData>(k)),
        mixins: ((o.mixins as Json[] | undefined) ?? []).map((m) => toCategory<MixinData>(m)),
        actions: ((o.actions as Json[] | undefined) ?? []).map((a) => toCategory<ActionData>(a)),
      };
      return c as StructureMap[S];
    }
    case 'mixin':
      return toCategory<MixinData>(value as Json) as StructureMap[S];
    case 'action': {
      const o = value as Json;
      return { action: o.action as string, attributes: (o.attributes as Attributes | undefined) ?? {} } as StructureMap[S];
    }
    default:
      return (Array.isArray(value) ? value : (value as { locations: string[] }).locations) as StructureMap[S];
  }
}

/**
 * Parses application/occi+json: JSON syntax (errors with line and column), then the structure's
 * schema rules (errors as JSON pointers), then conversion to Accords' data.
 * @param structure - the expected structure.
 * @param body - the JSON text.
 * @param options - `jsonValidation: 'schema'` validates with ajv instead of the fast validator.
 * @returns the value.
 * @throws OcciError `parse_error` (syntax) or `schema_violation` (structure).
 */
export function parseJson<S extends Structure>(structure: S, body: string, options: ParseOptions): StructureMap[S] {
  if (typeof body !== 'string') throw new OcciError('parse_error', 'the body must be text');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw syntaxError(body, error);
  }
  let issues: Issue[];
  if (options.jsonValidation === 'schema') {
    const r = validateJsonSchema(structure, value);
    issues = r.ok ? [] : r.issues;
  } else issues = fastValidate(structure, value);
  if (issues.length) throw OcciError.fromIssues(issues);
  return convert(structure, value);
}
