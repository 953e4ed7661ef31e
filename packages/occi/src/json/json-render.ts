import type { ActionData, KindData, MixinData } from '../model/category';
import type { LinkData, LinkEnd, ResourceData } from '../model/entity';
import { isLinkData } from '../model/entity';
import type { Structure, StructureMap } from '../render/structures';
import { specsToJson } from './attribute-json';

function end(e: LinkEnd): LinkEnd {
  return e.kind === undefined ? { location: e.location } : { location: e.location, kind: e.kind };
}

/**
 * The JSON object of a link, members in the rendering's order.
 * @param link - the link.
 * @returns a plain object.
 */
export function linkToJson(link: LinkData): Record<string, unknown> {
  const o: Record<string, unknown> = { kind: link.kind };
  if (link.mixins.length) o.mixins = link.mixins;
  o.attributes = link.attributes;
  if (link.actions?.length) o.actions = link.actions;
  o.id = link.id;
  if (link.title !== undefined) o.title = link.title;
  if (link.source.location) o.source = end(link.source);
  o.target = end(link.target);
  if (link.location !== undefined) o.location = link.location;
  return o;
}

/**
 * The JSON object of a resource, members in the rendering's order.
 * @param r - the resource.
 * @returns a plain object.
 */
export function resourceToJson(r: ResourceData): Record<string, unknown> {
  const o: Record<string, unknown> = { kind: r.kind };
  if (r.mixins.length) o.mixins = r.mixins;
  o.attributes = r.attributes;
  if (r.actions?.length) o.actions = r.actions;
  o.id = r.id;
  if (r.title !== undefined) o.title = r.title;
  if (r.summary !== undefined) o.summary = r.summary;
  if (r.links.length) o.links = r.links.map(linkToJson);
  if (r.location !== undefined) o.location = r.location;
  return o;
}

function categoryJson(d: KindData | MixinData | ActionData): Record<string, unknown> {
  const o: Record<string, unknown> = { term: d.term, scheme: d.scheme };
  if (d.title !== undefined) o.title = d.title;
  for (const [k, v] of Object.entries(d)) {
    if (k === 'term' || k === 'scheme' || k === 'title' || v === undefined) continue;
    if (k === 'attributes') o.attributes = specsToJson(v as NonNullable<KindData['attributes']>);
    else if (!Array.isArray(v) || v.length) o[k] = v;
  }
  return o;
}

/**
 * Renders a structure as application/occi+json.
 * @param structure - what to render.
 * @param value - the value.
 * @returns the JSON text.
 */
export function renderJson<S extends Structure>(structure: S, value: StructureMap[S]): string {
  switch (structure) {
    case 'resource':
      return JSON.stringify(resourceToJson(value as ResourceData));
    case 'link':
      return JSON.stringify(linkToJson(value as LinkData));
    case 'entity': {
      const e = value as StructureMap['entity'];
      return JSON.stringify(isLinkData(e) ? linkToJson(e) : resourceToJson(e as ResourceData));
    }
    case 'collection': {
      const c = value as StructureMap['collection'];
      const o: Record<string, unknown> = {};
      if (c.resources.length) o.resources = c.resources.map(resourceToJson);
      if (c.links.length) o.links = c.links.map(linkToJson);
      return JSON.stringify(o);
    }
    case 'categories': {
      const c = value as StructureMap['categories'];
      return JSON.stringify({ kinds: c.kinds.map(categoryJson), mixins: c.mixins.map(categoryJson), actions: c.actions.map(categoryJson) });
    }
    case 'mixin':
      return JSON.stringify(categoryJson(value as MixinData));
    case 'action': {
      const a = value as StructureMap['action'];
      return JSON.stringify({ action: a.action, attributes: a.attributes });
    }
    default:
      return JSON.stringify(value as string[]);
  }
}
