import { OcciError } from '../errors';
import type { AttributeValue, AnyEntityData, LinkData, ResourceData } from '../model/entity';
import { isLinkData } from '../model/entity';
import { splitCategoryId } from '../model/category';
import type { MediaType } from '../render/media-type';
import type { RenderedMessage, Structure, StructureMap } from '../render/structures';
import { renderCategory } from './category-text';
import { quote } from './lexer';
import { renderTextValue } from './values';

/** Arguments of {@link renderText}. */
export interface RenderTextInput<S extends Structure> {
  structure: S;
  mediaType: MediaType;
  value: StructureMap[S];
}

type Line = [header: 'Category' | 'Link' | 'X-OCCI-Attribute' | 'X-OCCI-Location', value: string];

function categoryLine(id: string, cls: 'kind' | 'mixin' | 'action'): Line {
  const parts = splitCategoryId(id);
  if (!parts) throw new OcciError('invalid_attribute', `"${id}" is not a category identifier (scheme#term)`, { location: { attribute: cls } });
  return ['Category', renderCategory({ class: cls, data: parts } as Parameters<typeof renderCategory>[0], false)];
}

function attributeLine(name: string, value: AttributeValue | undefined): Line[] {
  return value === undefined ? [] : [['X-OCCI-Attribute', `${name}=${renderTextValue(value)}`]];
}

function actionLines(entity: AnyEntityData): Line[] {
  return (entity.actions ?? []).map((action): Line => {
    const term = splitCategoryId(action)?.term ?? action;
    return ['Link', `${uriRef(`${entity.location ?? ''}?action=${term}`, 'location')}; rel=${quote(action)}`];
  });
}

function uriRef(value: string, attribute: string): string {
  if (/[<>\s]/.test(value)) throw new OcciError('invalid_attribute', `${attribute}: "${value.slice(0, 60)}" cannot be written as <URI> (white space or angle bracket)`, { location: { attribute } });
  return `<${value}>`;
}

function inlineLink(link: LinkData): Line {
  const parts = [uriRef(link.target.location, 'occi.core.target')];
  if (link.target.kind !== undefined) parts.push(`rel=${quote(link.target.kind)}`);
  if (link.location !== undefined) parts.push(`self=${quote(link.location)}`);
  parts.push(`category=${quote([link.kind, ...link.mixins].join(' '))}`);
  parts.push(`occi.core.id=${quote(link.id)}`);
  if (link.title !== undefined) parts.push(`occi.core.title=${quote(link.title)}`);
  if (link.source.location) parts.push(`occi.core.source=${quote(link.source.location)}`);
  for (const [name, value] of Object.entries(link.attributes)) if (value !== undefined) parts.push(`${name}=${renderTextValue(value)}`);
  return ['Link', parts.join('; ')];
}

function entityLines(entity: AnyEntityData): Line[] {
  const lines: Line[] = [categoryLine(entity.kind, 'kind'), ...entity.mixins.map((m) => categoryLine(m, 'mixin'))];
  if (!isLinkData(entity)) lines.push(...(entity as ResourceData).links.map(inlineLink));
  lines.push(...actionLines(entity));
  lines.push(...attributeLine('occi.core.id', entity.id));
  lines.push(...attributeLine('occi.core.title', entity.title));
  if (isLinkData(entity)) {
    lines.push(...attributeLine('occi.core.source', entity.source.location));
    lines.push(...attributeLine('occi.core.source.kind', entity.source.kind));
    lines.push(...attributeLine('occi.core.target', entity.target.location));
    lines.push(...attributeLine('occi.core.target.kind', entity.target.kind));
  } else lines.push(...attributeLine('occi.core.summary', (entity as ResourceData).summary));
  for (const [name, value] of Object.entries(entity.attributes)) lines.push(...attributeLine(name, value));
  return lines;
}

function linesOf<S extends Structure>(structure: S, value: StructureMap[S]): Line[] {
  switch (structure) {
    case 'categories': {
      const c = value as StructureMap['categories'];
      return [
        ...c.kinds.map((data): Line => ['Category', renderCategory({ class: 'kind', data }, true)]),
        ...c.mixins.map((data): Line => ['Category', renderCategory({ class: 'mixin', data }, true)]),
        ...c.actions.map((data): Line => ['Category', renderCategory({ class: 'action', data }, true)]),
      ];
    }
    case 'mixin':
      return [['Category', renderCategory({ class: 'mixin', data: value as StructureMap['mixin'] }, true)]];
    case 'resource':
    case 'link':
    case 'entity':
      return entityLines(value as AnyEntityData);
    case 'action': {
      const a = value as StructureMap['action'];
      return [categoryLine(a.action, 'action'), ...Object.entries(a.attributes).flatMap(([n, v]) => attributeLine(n, v))];
    }
    case 'locations':
    case 'association':
      return (value as string[]).map((l): Line => ['X-OCCI-Location', l]);
    case 'collection': {
      const c = value as StructureMap['collection'];
      return [...c.resources, ...c.links].map((e): Line => ['X-OCCI-Location', e.location ?? e.id]);
    }
    default:
      throw new OcciError('not_implemented', `unknown structure ${String(structure)}`);
  }
}

/**
 * Renders a structure as text/plain (one `Name: value` line each, in the body) or text/occi
 * (the same values as HTTP headers, body `OK` as GFD.229's OCCI Header Rendering asks), in the grammar's order with no trailing `;`.
 * @param input - structure, media type, value.
 * @returns the message.
 * @throws OcciError `invalid_attribute` for a malformed category identifier.
 */
export function renderText<S extends Structure>(input: RenderTextInput<S>): RenderedMessage {
  const lines = linesOf(input.structure, input.value);
  for (const [, v] of lines) if (/[\r\n]/.test(v)) throw new OcciError('invalid_attribute', 'a location or identifier must not contain a line break', { location: { header: 'X-OCCI-Location' } });
  if (input.mediaType === 'text/occi') {
    const headers: Record<string, string[]> = {};
    for (const [name, v] of lines) (headers[name] ??= []).push(v);
    return { contentType: 'text/occi', headers, body: 'OK' };
  }
  return { contentType: 'text/plain', headers: {}, body: lines.map(([n, v]) => `${n}: ${v}\n`).join('') };
}
