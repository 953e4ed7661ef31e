import type { AttributeSpec, AttributeType } from '../model/attribute-definition';
import type { AttributeSpecs } from '../model/category';
import type { AttributeValue } from '../model/entity';

/** An attribute definition as the JSON rendering carries it. */
export interface JsonAttributeDefinition {
  type: string;
  mutable?: boolean;
  required?: boolean;
  default?: AttributeValue;
  pattern?: string;
  enum?: string[];
  description?: string;
}

/** Pattern that marks a `uri` attribute in the JSON rendering (which knows only JSON types). */
export const URI_PATTERN = '^[a-zA-Z][a-zA-Z0-9+.-]*:\\S*$|^/\\S*$';
/** Pattern that marks an `integer` attribute (the JSON rendering allows only `number`). */
export const INTEGER_PATTERN = '^-?[0-9]+$';
/** Pattern that marks a `datetime` attribute in the JSON rendering. */
export const DATETIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$';

const SPECIAL = /[.*+?^${}()|[\]\\/-]/g;

function enumPattern(values: readonly string[]): string {
  return '^(?:' + values.map((v) => v.replace(SPECIAL, '\\$&')).join('|') + ')$';
}

function enumFromPattern(pattern: string): string[] | undefined {
  if (!pattern.startsWith('^(?:') || !pattern.endsWith(')$')) return undefined;
  const inner = pattern.slice(4, -2);
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch === '\\') {
      const next = inner[i + 1];
      if (next === undefined || !'.*+?^${}()|[]\\/-'.includes(next)) return undefined;
      current += next;
      i++;
    } else if (ch === '|') {
      values.push(current);
      current = '';
    } else if ('.*+?^${}()[]/-'.includes(ch)) return undefined;
    else current += ch;
  }
  values.push(current);
  return values;
}

/**
 * Renders an attribute definition for the JSON rendering, which allows only JSON types: `enum`,
 * `uri` and `datetime` become `"type": "string"` and `integer` becomes `"type": "number"`, each
 * with a pattern that says the same thing (and is read back as the precise type).
 * @param spec - the definition.
 * @returns the JSON form (type, mutable and required always present).
 */
export function specToJson(spec: AttributeSpec): JsonAttributeDefinition {
  const out: JsonAttributeDefinition = { type: spec.type, mutable: spec.mutable ?? true, required: spec.required ?? false };
  if (spec.type === 'enum') {
    out.type = 'string';
    out.pattern = enumPattern(spec.enum ?? []);
  } else if (spec.type === 'uri') {
    out.type = 'string';
    out.pattern = URI_PATTERN;
  } else if (spec.type === 'integer') {
    out.type = 'number';
    out.pattern = INTEGER_PATTERN;
  } else if (spec.type === 'datetime') {
    out.type = 'string';
    out.pattern = DATETIME_PATTERN;
  } else if (spec.pattern !== undefined) out.pattern = spec.pattern;
  if (spec.default !== undefined) out.default = spec.default;
  if (spec.description !== undefined) out.description = spec.description;
  return out;
}

/**
 * Reads an attribute definition of the JSON rendering (the inverse of {@link specToJson};
 * Accords' own type names and an explicit `enum` member are accepted too).
 * @param json - the JSON form (already schema-checked).
 * @returns the definition.
 */
export function specFromJson(json: JsonAttributeDefinition): AttributeSpec {
  let type = (json.type ?? 'string') as AttributeType;
  let pattern = json.pattern;
  let values = json.enum;
  if (type === 'string' && pattern !== undefined && values === undefined) {
    const fromPattern = enumFromPattern(pattern);
    if (fromPattern) {
      type = 'enum';
      values = fromPattern;
      pattern = undefined;
    } else if (pattern === URI_PATTERN || pattern === DATETIME_PATTERN) {
      type = pattern === URI_PATTERN ? 'uri' : 'datetime';
      pattern = undefined;
    }
  } else if (type === 'number' && pattern === INTEGER_PATTERN) {
    type = 'integer';
    pattern = undefined;
  } else if (values !== undefined) type = 'enum';
  // GFD.226 table 9: mutable and required default to false, type to string.
  const spec: AttributeSpec = { type, mutable: json.mutable ?? false, required: json.required ?? false };
  if (values !== undefined) spec.enum = [...values];
  if (pattern !== undefined && type !== 'enum') spec.pattern = pattern;
  if (json.default !== undefined) spec.default = json.default;
  if (json.description !== undefined) spec.description = json.description;
  return spec;
}

/**
 * Renders attribute definitions keyed by name.
 * @param specs - definitions.
 * @returns the JSON form.
 */
export function specsToJson(specs: AttributeSpecs): Record<string, JsonAttributeDefinition> {
  const out: Record<string, JsonAttributeDefinition> = {};
  for (const [name, spec] of Object.entries(specs)) out[name] = specToJson(spec);
  return out;
}
