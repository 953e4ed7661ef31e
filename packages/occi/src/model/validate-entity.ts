import { fail, ok } from '../errors';
import type { Issue, Result } from '../errors';
import type { AttributeDefinition } from './attribute-definition';
import { isLinkData } from './entity';
import type { ActionInvocation, AnyEntityData, Attributes, AttributeValue, LinkData, ResourceData } from './entity';
import type { Model } from './model';

const CORE_ENTITY = 'http://schemas.ogf.org/occi/core#entity';
const CORE_RESOURCE = 'http://schemas.ogf.org/occi/core#resource';
const CORE_LINK = 'http://schemas.ogf.org/occi/core#link';

/** How an entity reaches the server: created, replaced (PUT) or partially updated (POST). */
export type ValidationMode = 'create' | 'replace' | 'update';

/** Options of {@link Model.validateEntity}. */
export interface ValidateEntityOptions {
  mode: ValidationMode;
  /** The stored entity, for `replace` and `update`. */
  previous?: AnyEntityData;
  /** `client` (default): immutable attributes are the provider's; `provider`: everything may be set. */
  actor?: 'client' | 'provider';
  /** Accept attributes no kind or mixin defines (default false). */
  allowUnknownAttributes?: boolean;
  /** JSON pointer prefix for issue locations (used for nested links). */
  pointer?: string;
}

/** Arguments of {@link validateEntityAgainst}. */
export interface ValidateEntityInput<E> {
  entity: E;
  options: ValidateEntityOptions;
}

function issue(code: string, attribute: string, detail: { message: string; pointer?: string } | string): Issue {
  const d = typeof detail === 'string' ? { message: detail } : detail;
  const location: Issue['location'] = { attribute };
  if (d.pointer !== undefined) location.pointer = d.pointer;
  return { code, message: `${attribute}: ${d.message}`, location };
}

function sameValue(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Validates an entity against a model (see {@link Model.validateEntity}).
 * @param model - the registry.
 * @param input - entity and options.
 * @returns the normalised entity or the issues.
 */
export function validateEntityAgainst<E extends AnyEntityData>(model: Model, input: ValidateEntityInput<E>): Result<E> {
  const { entity, options } = input;
  const issues: Issue[] = [];
  const p = options.pointer ?? '';
  const actor = options.actor ?? 'client';
  const previous = options.mode === 'create' ? undefined : options.previous;

  if (typeof entity !== 'object' || entity === null) return fail([issue('parse_error', 'entity', { message: 'must be an object', pointer: p })]);
  if (typeof entity.id !== 'string' || entity.id.length === 0) issues.push(issue('missing_attribute', 'occi.core.id', { message: 'is required (required)', pointer: `${p}/id` }));
  if (typeof entity.kind !== 'string') issues.push(issue('missing_attribute', 'kind', { message: 'is required (required)', pointer: `${p}/kind` }));
  if (!Array.isArray(entity.mixins) || entity.mixins.some((m) => typeof m !== 'string')) issues.push(issue('parse_error', 'mixins', { message: 'must be an array of category identifiers', pointer: `${p}/mixins` }));
  if (typeof entity.attributes !== 'object' || entity.attributes === null || Array.isArray(entity.attributes)) issues.push(issue('parse_error', 'attributes', { message: 'must be an object', pointer: `${p}/attributes` }));
  if (entity.title !== undefined && typeof entity.title !== 'string') issues.push(issue('invalid_attribute', 'occi.core.title', { message: 'must be a string (type)', pointer: `${p}/title` }));
  if (issues.length) return fail(issues);

  const isLink = isLinkData(entity);
  const kind = model.getKind(entity.kind);
  if (!kind) {
    issues.push(issue('unknown_category', 'kind', { message: `${entity.kind} is not a registered kind`, pointer: `${p}/kind` }));
  } else if (entity.kind === CORE_ENTITY) {
    issues.push(issue('not_applicable', 'kind', { message: `${entity.kind} cannot be instantiated (abstract)`, pointer: `${p}/kind` }));
  } else if (isLink && !model.isKindOf(entity.kind, CORE_LINK)) {
    issues.push(issue('not_applicable', 'kind', { message: `${entity.kind} is not a link kind, but the entity has a source and target`, pointer: `${p}/kind` }));
  } else if (!isLink && !model.isKindOf(entity.kind, CORE_RESOURCE)) {
    issues.push(issue('not_applicable', 'kind', { message: `${entity.kind} is not a resource kind (a link needs a source and target)`, pointer: `${p}/kind` }));
  }
  if (previous && previous.kind !== entity.kind) issues.push(issue('immutable_attribute', 'kind', { message: `cannot change from ${previous.kind} (immutable)`, pointer: `${p}/kind` }));
  if (previous && previous.id !== entity.id) issues.push(issue('immutable_attribute', 'occi.core.id', { message: `cannot change from ${previous.id} (immutable)`, pointer: `${p}/id` }));

  const mixins = options.mode === 'update' && previous ? [...new Set([...previous.mixins, ...entity.mixins])] : [...new Set(entity.mixins)];
  entity.mixins.forEach((id, i) => {
    const mixin = model.getMixin(id);
    if (!mixin) {
      issues.push(issue('unknown_category', 'mixins', { message: `${id} is not a registered mixin`, pointer: `${p}/mixins/${i}` }));
    } else if (kind && mixin.applies.length && !mixin.applies.some((a) => model.isKindOf(entity.kind, a))) {
      issues.push(issue('not_applicable', 'mixins', { message: `${id} applies only to ${mixin.applies.join(', ')}, not to ${entity.kind} (applies)`, pointer: `${p}/mixins/${i}` }));
    }
  });

  const defs = model.attributesOf({ kind: entity.kind, mixins });
  const attributes: Attributes = options.mode === 'update' && previous ? { ...previous.attributes } : {};
  for (const [name, value] of Object.entries(entity.attributes)) {
    const at = `${p}/attributes/${escapePointer(name)}`;
    const def = defs.get(name);
    if (!def) {
      if (!options.allowUnknownAttributes) issues.push(issue('unknown_attribute', name, { message: `is not defined by ${entity.kind} or its mixins`, pointer: at }));
      attributes[name] = value;
      continue;
    }
    for (const found of def.validate(value)) issues.push({ ...found, location: { attribute: name, pointer: at } });
    if (actor === 'client' && !def.mutable && !immutableAllowed({ def, value, previous })) {
      issues.push(issue('immutable_attribute', name, { message: previous ? 'cannot be changed by a client (immutable)' : 'is set by the provider (immutable)', pointer: at }));
    }
    attributes[name] = value;
  }
  if (options.mode === 'replace' && previous) {
    for (const [name, def] of defs) if (!def.mutable && attributes[name] === undefined && previous.attributes[name] !== undefined) attributes[name] = previous.attributes[name];
  }
  for (const [name, def] of defs) {
    if (attributes[name] === undefined && def.default !== undefined) attributes[name] = structuredClone(def.default);
    if ((attributes[name] === undefined || attributes[name] === null) && def.required && !(actor === 'client' && !def.mutable) && !name.startsWith('occi.core.')) {
      issues.push(issue('missing_attribute', name, { message: 'is required (required)', pointer: `${p}/attributes/${escapePointer(name)}` }));
    }
  }
  for (const name of Object.keys(attributes)) if (name.startsWith('occi.core.')) delete attributes[name];

  const out = { ...entity, mixins, attributes } as E;
  if (options.mode === 'update' && previous) {
    if (entity.title === undefined && previous.title !== undefined) out.title = previous.title;
  }
  if (isLink) checkLink({ link: entity as LinkData, previous: previous as LinkData | undefined, issues, pointer: p });
  else checkResource({ model, resource: entity as ResourceData, out: out as ResourceData, previous: previous as ResourceData | undefined, issues, options });
  return issues.length ? fail(issues) : ok(out);
}

function immutableAllowed(args: { def: AttributeDefinition; value: AttributeValue; previous?: AnyEntityData }): boolean {
  if (args.previous) return sameValue(args.previous.attributes[args.def.name], args.value);
  return args.def.default !== undefined && sameValue(args.def.default, args.value);
}

function checkLink(args: { link: LinkData; previous?: LinkData; issues: Issue[]; pointer: string }): void {
  const { link, issues, pointer } = args;
  const nested = /\/links\/\d+$/.test(pointer);
  for (const end of ['source', 'target'] as const) {
    const value = link[end];
    if (typeof value !== 'object' || value === null) {
      issues.push(issue('missing_attribute', `occi.core.${end}`, { message: 'is required (required)', pointer: `${pointer}/${end}` }));
      continue;
    }
    // The source of a link rendered inside a resource is that resource.
    if (nested && end === 'source' && value.location === '') continue;
    if (typeof value.location !== 'string' || value.location.length === 0) issues.push(issue('missing_attribute', `occi.core.${end}`, { message: 'is required (required)', pointer: `${pointer}/${end}/location` }));
    if (value.kind !== undefined && typeof value.kind !== 'string') issues.push(issue('invalid_attribute', `occi.core.${end}.kind`, { message: 'must be a category identifier (type)', pointer: `${pointer}/${end}/kind` }));
  }
  if (args.previous && args.previous.source.location !== link.source.location) {
    issues.push(issue('immutable_attribute', 'occi.core.source', { message: 'cannot change (immutable)', pointer: `${pointer}/source/location` }));
  }
}

function checkResource(args: { model: Model; resource: ResourceData; out: ResourceData; previous?: ResourceData; issues: Issue[]; options: ValidateEntityOptions }): void {
  const { model, resource, out, previous, issues, options } = args;
  const p = options.pointer ?? '';
  if (resource.summary !== undefined && typeof resource.summary !== 'string') issues.push(issue('invalid_attribute', 'occi.core.summary', { message: 'must be a string (type)', pointer: `${p}/summary` }));
  if (options.mode === 'update' && previous && resource.summary === undefined && previous.summary !== undefined) out.summary = previous.summary;
  const links = Array.isArray(resource.links) ? resource.links : [];
  if (resource.links !== undefined && !Array.isArray(resource.links)) issues.push(issue('parse_error', 'links', { message: 'must be an array', pointer: `${p}/links` }));
  out.links = links.map((link, i) => {
    const previousLink = previous?.links?.find((l) => l.id === link.id);
    const r = validateEntityAgainst(model, {
      entity: link,
      options: { ...options, mode: previousLink ? options.mode : 'create', previous: previousLink, pointer: `${p}/links/${i}` },
    });
    if (!r.ok) {
      issues.push(...r.issues);
      return link;
    }
    if (!isLinkData(link)) issues.push(issue('parse_error', 'links', { message: 'every link needs a source and a target', pointer: `${p}/links/${i}` }));
    return r.value;
  });
}

/**
 * Validates an action invocation against a model (see {@link Model.validateAction}).
 * @param model - the registry.
 * @param input - invocation and optional target entity.
 * @returns the invocation with defaults, or the issues.
 */
export function validateActionAgainst(model: Model, input: { invocation: ActionInvocation; entity?: AnyEntityData }): Result<ActionInvocation> {
  const { invocation, entity } = input;
  const issues: Issue[] = [];
  const action = model.getAction(invocation.action);
  if (!action) return fail([issue('invalid_action', 'action', { message: `${invocation.action} is not a registered action`, pointer: '/action' })]);
  if (entity && !model.actionsOf(entity).includes(action.id)) {
    issues.push(issue('invalid_action', 'action', { message: `${action.id} is not offered by ${entity.kind} or its mixins`, pointer: '/action' }));
  }
  const attributes: Attributes = {};
  for (const [name, value] of Object.entries(invocation.attributes ?? {})) {
    const def = action.attributes.get(name);
    const at = `/attributes/${escapePointer(name)}`;
    if (!def) {
      issues.push(issue('unknown_attribute', name, { message: `is not a parameter of ${action.id}`, pointer: at }));
      continue;
    }
    for (const found of def.validate(value)) issues.push({ ...found, location: { attribute: name, pointer: at } });
    attributes[name] = value;
  }
  for (const [name, def] of action.attributes) {
    if (attributes[name] === undefined && def.default !== undefined) attributes[name] = structuredClone(def.default);
    if (attributes[name] === undefined && def.required) issues.push(issue('missing_attribute', name, { message: `is a required parameter of ${action.id} (required)`, pointer: `/attributes/${escapePointer(name)}` }));
  }
  return issues.length ? fail(issues) : ok({ action: action.id, attributes });
}

/**
 * Escapes one JSON pointer token (RFC 6901).
 * @param token - raw token.
 * @returns the escaped token.
 * @example
 * ```ts
 * escapePointer('a/b~c'); // 'a~1b~0c'
 * ```
 */
export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
