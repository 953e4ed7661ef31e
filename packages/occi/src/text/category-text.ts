import { OcciError } from '../errors';
import { checkIdentity } from '../model/category';
import type { ActionData, AttributeSpecs, CategoryClass, KindData, MixinData } from '../model/category';
import { quote, splitParams, unescapeQuoted, where } from './lexer';
import type { TextEntry } from './lexer';

/** One attribute of a Category's `attributes` parameter. */
export interface TextAttribute {
  name: string;
  required: boolean;
  immutable: boolean;
}

/** A Category value as the text renderings carry it. */
export interface TextCategory {
  term: string;
  scheme: string;
  class?: CategoryClass;
  title?: string;
  rel: string[];
  location?: string;
  attributes: TextAttribute[];
  actions: string[];
}

const CLASSES = new Set(['kind', 'mixin', 'action']);

/**
 * Parses a Category value (any parameter order, quoted or bare values, `rel` or 1.1 `related`, trailing `;`).
 * @param entry - the Category entry.
 * @returns the category.
 * @throws OcciError `parse_error` (with column) for a missing or malformed term, scheme or class.
 */
export function parseCategoryEntry(entry: TextEntry): TextCategory {
  const { first, params } = splitParams(entry);
  const term = first.startsWith('"') && first.endsWith('"') && first.length >= 2 ? unescapeQuoted(first.slice(1, -1)) : first;
  const out: TextCategory = { term, scheme: '', rel: [], attributes: [], actions: [] };
  let hasScheme = false;
  for (const p of params) {
    switch (p.key.toLowerCase()) {
      case 'scheme':
        out.scheme = p.value;
        hasScheme = true;
        break;
      case 'class': {
        const cls = p.value.toLowerCase();
        if (!CLASSES.has(cls)) throw new OcciError('parse_error', `Category ${term}: class must be kind, mixin or action, got "${p.value}"`, { location: where(entry, p.offset) });
        out.class = cls as CategoryClass;
        break;
      }
      case 'title':
        out.title = p.value;
        break;
      case 'rel':
      case 'related':
        out.rel.push(...p.value.split(/\s+/).filter(Boolean));
        break;
      case 'location':
        out.location = p.value;
        break;
      case 'attributes':
        for (const m of p.value.matchAll(/([^\s{}]+)(?:\{([^}]*)\})?/g)) {
          const props = (m[2] ?? '').toLowerCase().split(/[\s,]+/);
          out.attributes.push({ name: m[1] ?? '', required: props.includes('required'), immutable: props.includes('immutable') });
        }
        break;
      case 'actions':
        out.actions.push(...p.value.split(/\s+/).filter(Boolean));
        break;
      default:
        break;
    }
  }
  if (!hasScheme) throw new OcciError('parse_error', `Category ${term}: scheme is required`, { location: where(entry) });
  const problem = checkIdentity({ scheme: out.scheme, term: out.term });
  if (problem) throw new OcciError('parse_error', `Category: ${problem}`, { location: where(entry) });
  return out;
}

function attributesParam(specs: AttributeSpecs | undefined): string | undefined {
  const names = Object.entries(specs ?? {}).map(([name, spec]) => {
    const props = [spec.required ? 'required' : '', spec.mutable === false ? 'immutable' : ''].filter(Boolean);
    return props.length ? `${name}{${props.join(' ')}}` : name;
  });
  return names.length ? names.join(' ') : undefined;
}

/** A category to render, with its class. */
export type ClassedCategory = { class: 'kind'; data: KindData } | { class: 'mixin'; data: MixinData } | { class: 'action'; data: ActionData };

/**
 * Renders a Category value in the grammar's order: term, scheme, class, title, rel, location, attributes, actions.
 * A mixin's `rel` is its first `depends` only (GFD.229, Mixin Instance Attribute Rendering Specifics); `applies` has no place in the text renderings.
 * @param category - the category and its class.
 * @param full - false renders only term, scheme and class (as in entity renderings).
 * @returns the value (no trailing `;`).
 */
export function renderCategory(category: ClassedCategory, full: boolean): string {
  const d = category.data;
  const parts = [d.term, `scheme=${quote(d.scheme)}`, `class="${category.class}"`];
  if (!full) return parts.join('; ');
  if (d.title !== undefined) parts.push(`title=${quote(d.title)}`);
  let rel: string[] = [];
  if (category.class === 'kind' && category.data.parent) rel = [category.data.parent];
  if (category.class === 'mixin') rel = (category.data.depends ?? []).slice(0, 1);
  if (rel.length) parts.push(`rel=${quote(rel.join(' '))}`);
  if (category.class !== 'action' && category.data.location !== undefined) parts.push(`location=${quote(category.data.location)}`);
  const attrs = attributesParam(d.attributes);
  if (attrs) parts.push(`attributes=${quote(attrs)}`);
  if (category.class !== 'action' && category.data.actions?.length) parts.push(`actions=${quote(category.data.actions.join(' '))}`);
  return parts.join('; ');
}
