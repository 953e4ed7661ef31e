import { OcciError } from '../errors';
import type { AttributeDefinition } from '../model/attribute-definition';
import { isAttributeName } from '../model/attribute-definition';
import type { ActionData, AttributeSpecs, CategoryCollection, KindData, MixinData } from '../model/category';
import type { ActionInvocation, AnyEntityData, Attributes, LinkData, ResourceData } from '../model/entity';
import type { Model } from '../model/model';
import type { MediaType } from '../render/media-type';
import type { OcciMessage, ParseOptions, Structure, StructureMap } from '../render/structures';
import { parseCategoryEntry } from './category-text';
import type { TextCategory } from './category-text';
import { bodyEntries, headerEntries, splitParams, where } from './lexer';
import type { TextEntry } from './lexer';
import { parseTextValue, typedString } from './values';

const CORE_LINK = 'http://schemas.ogf.org/occi/core#link';

/** Arguments of {@link parseText}. */
export interface ParseTextInput<S extends Structure> {
  structure: S;
  mediaType: MediaType;
  message: OcciMessage;
  options: ParseOptions;
}

interface Doc {
  categories: { entry: TextEntry; category: TextCategory }[];
  attributes: TextEntry[];
  links: TextEntry[];
  locations: TextEntry[];
}

function readDoc(mediaType: MediaType, message: OcciMessage): Doc {
  const fromHeaders = () => headerEntries(message.headers ?? {});
  const body = typeof message.body === 'string' && message.body.trim() !== 'OK' ? message.body : '';
  const fromBody = () => bodyEntries(body);
  let entries = mediaType === 'text/occi' ? fromHeaders() : fromBody();
  if (entries.length === 0) entries = mediaType === 'text/occi' ? fromBody() : fromHeaders();
  const doc: Doc = { categories: [], attributes: [], links: [], locations: [] };
  for (const entry of entries) {
    if (entry.name === 'category') doc.categories.push({ entry, category: parseCategoryEntry(entry) });
    else if (entry.name === 'x-occi-attribute') doc.attributes.push(entry);
    else if (entry.name === 'link') doc.links.push(entry);
    else doc.locations.push(entry);
  }
  return doc;
}

/**
 * Parses the text renderings (text/plain body or text/occi headers) into a structure.
 * @param input - structure, media type, message, options.
 * @returns the value.
 * @throws OcciError `parse_error` with line/column (text/plain) or header name (text/occi).
 */
export function parseText<S extends Structure>(input: ParseTextInput<S>): StructureMap[S] {
  const { structure, options } = input;
  const doc = readDoc(input.mediaType, input.message);
  const model = options.model;
  switch (structure) {
    case 'categories':
      return parseCategories(doc, model) as StructureMap[S];
    case 'resource':
    case 'link':
    case 'entity':
      return parseEntity({ doc, model, expect: structure }) as StructureMap[S];
    case 'action':
      return parseAction(doc, model) as StructureMap[S];
    case 'mixin':
      return parseMixin(doc, model) as StructureMap[S];
    case 'locations':
    case 'association':
      return doc.locations.map((entry) => {
        if (/\s/.test(entry.value)) throw new OcciError('parse_error', `${entry.header}: a location must not contain white space`, { location: where(entry) });
        return entry.value.startsWith('<') && entry.value.endsWith('>') ? entry.value.slice(1, -1) : entry.value;
      }) as StructureMap[S];
    default:
      throw new OcciError('unsupported_media_type', `the text renderings carry an entity collection only as X-OCCI-Location lines; send ${structure} as application/occi+json`, { location: { header: 'Content-Type' } });
  }
}

function classOf(category: TextCategory, model: Model | undefined, kinds: Set<string>): TextCategory['class'] {
  if (category.class) return category.class;
  const id = category.scheme + category.term;
  const known = model?.get(id);
  if (known) return known.categoryClass;
  return kinds.has(id) ? 'kind' : undefined;
}

function specsFrom(category: TextCategory, model: Model | undefined): AttributeSpecs | undefined {
  if (!category.attributes.length) return undefined;
  const known = model?.get(category.scheme + category.term);
  const specs: AttributeSpecs = {};
  for (const a of category.attributes) {
    const def = known?.attributes.get(a.name);
    specs[a.name] = { type: def?.type ?? 'string', required: a.required, mutable: !a.immutable };
    if (def?.enum) specs[a.name] = { ...specs[a.name]!, enum: [...def.enum] };
  }
  return specs;
}

function base(c: TextCategory): { scheme: string; term: string; title?: string } {
  const out: { scheme: string; term: string; title?: string } = { scheme: c.scheme, term: c.term };
  if (c.title !== undefined) out.title = c.title;
  return out;
}

function toMixin(c: TextCategory, args: { model?: Model; kinds: Set<string> }): MixinData {
  const mixin: MixinData = base(c);
  const depends = c.rel.filter((id) => !(args.kinds.has(id) || args.model?.getKind(id)));
  const applies = c.rel.filter((id) => args.kinds.has(id) || args.model?.getKind(id));
  if (depends.length) mixin.depends = depends;
  if (applies.length) mixin.applies = applies;
  const attributes = specsFrom(c, args.model);
  if (attributes) mixin.attributes = attributes;
  if (c.actions.length) mixin.actions = c.actions;
  if (c.location !== undefined) mixin.location = c.location;
  return mixin;
}

function parseCategories(doc: Doc, model: Model | undefined): CategoryCollection {
  const out: CategoryCollection = { kinds: [], mixins: [], actions: [] };
  const kinds = new Set(doc.categories.filter((c) => c.category.class === 'kind').map((c) => c.category.scheme + c.category.term));
  for (const { entry, category: c } of doc.categories) {
    const cls = classOf(c, model, kinds);
    if (cls === 'kind') {
      const kind: KindData = base(c);
      if (c.rel[0] !== undefined) kind.parent = c.rel[0];
      const attributes = specsFrom(c, model);
      if (attributes) kind.attributes = attributes;
      if (c.actions.length) kind.actions = c.actions;
      if (c.location !== undefined) kind.location = c.location;
      out.kinds.push(kind);
    } else if (cls === 'mixin') out.mixins.push(toMixin(c, { model, kinds }));
    else if (cls === 'action') {
      const action: ActionData = base(c);
      const attributes = specsFrom(c, model);
      if (attributes) action.attributes = attributes;
      out.actions.push(action);
    } else throw new OcciError('parse_error', `Category ${c.term}: class is required`, { location: where(entry) });
  }
  return out;
}

function parseMixin(doc: Doc, model: Model | undefined): MixinData {
  const found = doc.categories.filter(({ category }) => category.class === undefined || category.class === 'mixin');
  if (found.length !== 1) {
    throw new OcciError('parse_error', `expected exactly one mixin Category, got ${found.length}`, { location: { header: 'Category' } });
  }
  return toMixin(found[0]!.category, { model, kinds: new Set() });
}

function parseAttributeEntries(entries: TextEntry[], defs: ReadonlyMap<string, AttributeDefinition> | undefined): Map<string, { value: Attributes[string]; entry: TextEntry }> {
  const out = new Map<string, { value: Attributes[string]; entry: TextEntry }>();
  for (const entry of entries) {
    const eq = entry.value.indexOf('=');
    const name = eq > 0 ? entry.value.slice(0, eq).trim() : '';
    if (!isAttributeName(name)) throw new OcciError('parse_error', `${entry.header}: expected name=value, got "${entry.value.slice(0, 60)}"`, { location: where(entry) });
    const rawStart = eq + 1 + (entry.value.slice(eq + 1).length - entry.value.slice(eq + 1).trimStart().length);
    const raw = entry.value.slice(rawStart).trim();
    if (raw === '') throw new OcciError('parse_error', `${entry.header}: ${name} has no value`, { location: { ...where(entry, rawStart), attribute: name } });
    out.set(name, { value: parseTextValue({ raw, entry, offset: rawStart, def: defs?.get(name) }), entry });
  }
  return out;
}

function parseAction(doc: Doc, model: Model | undefined): ActionInvocation {
  const found = doc.categories.filter(({ category }) => (category.class ?? model?.get(category.scheme + category.term)?.categoryClass ?? 'action') === 'action');
  if (found.length !== 1) throw new OcciError('parse_error', `expected exactly one action Category, got ${found.length}`, { location: { header: 'Category' } });
  const id = found[0]!.category.scheme + found[0]!.category.term;
  const values = parseAttributeEntries(doc.attributes, model?.getAction(id)?.attributes);
  const attributes: Attributes = {};
  for (const [name, { value }] of values) attributes[name] = value;
  return { action: id, attributes };
}

function stringOf(v: { value: Attributes[string]; entry: TextEntry } | undefined, name: string): string | undefined {
  if (!v) return undefined;
  if (typeof v.value !== 'string') throw new OcciError('invalid_attribute', `${name}: must be a string (type)`, { location: { ...where(v.entry), attribute: name } });
  return v.value;
}

function parseEntity(args: { doc: Doc; model?: Model; expect: 'resource' | 'link' | 'entity' }): AnyEntityData {
  const { doc, model, expect } = args;
  const explicitKinds = new Set(doc.categories.filter((c) => c.category.class === 'kind').map((c) => c.category.scheme + c.category.term));
  let kind: string | undefined;
  const mixins: string[] = [];
  for (const { entry, category } of doc.categories) {
    const id = category.scheme + category.term;
    const cls = classOf(category, model, explicitKinds) ?? (kind === undefined && explicitKinds.size === 0 ? 'kind' : 'mixin');
    if (cls === 'kind') {
      if (kind !== undefined && kind !== id) throw new OcciError('parse_error', `an entity has exactly one kind; got ${kind} and ${id}`, { location: where(entry) });
      kind = id;
    } else if (cls === 'mixin') mixins.push(id);
  }
  if (kind === undefined) throw new OcciError('missing_attribute', 'kind: a Category with class="kind" is required', { location: { header: 'Category', attribute: 'kind' } });
  const defs = model?.attributesOf({ kind, mixins });
  const values = parseAttributeEntries(doc.attributes, defs);
  const take = (name: string): string | undefined => {
    const v = stringOf(values.get(name), name);
    values.delete(name);
    return v;
  };
  const id = take('occi.core.id') ?? '';
  const title = take('occi.core.title');
  const summary = take('occi.core.summary');
  const source = take('occi.core.source');
  const sourceKind = take('occi.core.source.kind');
  const target = take('occi.core.target');
  const targetKind = take('occi.core.target.kind');
  const attributes: Attributes = {};
  for (const [name, { value }] of values) attributes[name] = value;
  const isLink = expect === 'link' || (expect === 'entity' && (source !== undefined || target !== undefined || (model?.isKindOf(kind, CORE_LINK) ?? false)));
  const actions: string[] = [];
  const links: LinkData[] = [];
  for (const entry of doc.links) {
    const parsed = parseLinkEntry({ entry, model });
    if (typeof parsed === 'string') actions.push(parsed);
    else links.push(parsed);
  }
  const entity: AnyEntityData = isLink
    ? linkOf({ id, kind, mixins, attributes, source, sourceKind, target, targetKind })
    : ({ id, kind, mixins, attributes, links: [] } as ResourceData);
  if (title !== undefined) entity.title = title;
  if (actions.length) entity.actions = actions;
  if (!isLink) {
    const resource = entity as ResourceData;
    if (summary !== undefined) resource.summary = summary;
    resource.links = links.map((l) => ({ ...l, source: { location: l.source.location, kind } }));
  }
  return entity;
}

function linkOf(a: { id: string; kind: string; mixins: string[]; attributes: Attributes; source?: string; sourceKind?: string; target?: string; targetKind?: string }): LinkData {
  if (a.source === undefined) throw new OcciError('missing_attribute', 'occi.core.source: is required (required)', { location: { attribute: 'occi.core.source', header: 'X-OCCI-Attribute' } });
  if (a.target === undefined) throw new OcciError('missing_attribute', 'occi.core.target: is required (required)', { location: { attribute: 'occi.core.target', header: 'X-OCCI-Attribute' } });
  const link: LinkData = { id: a.id, kind: a.kind, mixins: a.mixins, attributes: a.attributes, source: { location: a.source }, target: { location: a.target } };
  if (a.sourceKind !== undefined) link.source.kind = a.sourceKind;
  if (a.targetKind !== undefined) link.target.kind = a.targetKind;
  return link;
}

/**
 * Parses a Link value of an entity rendering: an action link (`<...?action=term>; rel="action id"`)
 * gives the action identifier; otherwise a link with target, rel (target kind), self (location),
 * category (kind and mixins) and attributes.
 */
function parseLinkEntry(args: { entry: TextEntry; model?: Model }): LinkData | string {
  const { entry, model } = args;
  const { first, params } = splitParams(entry);
  if (!first.startsWith('<') || !first.endsWith('>')) throw new OcciError('parse_error', `Link: expected <uri>, got "${first.slice(0, 60)}"`, { location: where(entry) });
  const href = first.slice(1, -1).trim();
  const get = (key: string) => params.find((p) => p.key.toLowerCase() === key);
  const rel = get('rel')?.value;
  if (/[?&]action=/.test(href)) {
    if (!rel) throw new OcciError('parse_error', 'Link: an action link needs rel="<action identifier>"', { location: where(entry) });
    return rel;
  }
  const categories = (get('category')?.value ?? '').split(/\s+/).filter(Boolean);
  let kind = categories.find((c) => model?.getKind(c)) ?? categories[0] ?? CORE_LINK;
  if (!categories.includes(kind)) kind = CORE_LINK;
  const mixins = categories.filter((c) => c !== kind);
  const defs = model?.attributesOf({ kind, mixins });
  const link: LinkData = { id: '', kind, mixins, attributes: {}, source: { location: '' }, target: { location: href } };
  if (rel !== undefined) link.target.kind = rel;
  const self = get('self')?.value;
  if (self !== undefined) link.location = self;
  for (const p of params) {
    const key = p.key;
    if (['rel', 'self', 'category'].includes(key.toLowerCase())) continue;
    if (!isAttributeName(key)) throw new OcciError('parse_error', `Link: "${key}" is not an attribute name`, { location: where(entry, p.offset) });
    const value = p.quoted ? typedString(p.value, defs?.get(key)) : parseTextValue({ raw: p.value, entry, offset: p.offset, def: defs?.get(key) });
    if (key === 'occi.core.id') link.id = String(value);
    else if (key === 'occi.core.title') link.title = String(value);
    else if (key === 'occi.core.source') link.source.location = String(value);
    else if (key === 'occi.core.target' || key === 'occi.core.target.kind' || key === 'occi.core.source.kind') continue;
    else link.attributes[key] = value;
  }
  if (link.id === '' && self) link.id = self.split('/').filter(Boolean).pop() ?? '';
  return link;
}
