import { OcciError } from '../errors';
import type { AttributeDefinition } from '../model/attribute-definition';
import type { AttributeValue } from '../model/entity';
import { closingQuote, quote, unescapeQuoted, where } from './lexer';
import type { TextEntry } from './lexer';

const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Renders an attribute value for the text renderings: strings quoted and escaped, numbers,
 * booleans and null bare, arrays and objects as compact JSON.
 * @param value - the value.
 * @returns its text form.
 * @example
 * ```ts
 * renderTextValue('a"b'); // '"a\\"b"'
 * renderTextValue(2); // '2'
 * ```
 */
export function renderTextValue(value: AttributeValue): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : quote(String(value));
  return JSON.stringify(value);
}

function isStringType(def: AttributeDefinition | undefined): boolean {
  return def !== undefined && (def.type === 'string' || def.type === 'enum' || def.type === 'uri' || def.type === 'datetime');
}

/**
 * Types a quoted (string) value by its definition: a number or boolean when the model says so.
 * @param text - the unescaped string.
 * @param def - the attribute definition, if known.
 * @returns the typed value.
 */
export function typedString(text: string, def: AttributeDefinition | undefined): AttributeValue {
  if (def && (def.type === 'number' || def.type === 'integer') && NUMBER.test(text)) return Number(text);
  if (def?.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Arguments of {@link parseTextValue}. */
export interface TextValueInput {
  raw: string;
  entry: TextEntry;
  /** Offset of `raw` inside the entry value (for columns). */
  offset: number;
  /** Definition from the model, to type the value. */
  def?: AttributeDefinition;
}

/**
 * Parses an attribute value of the text renderings. Quoted: a string (a number or boolean when the
 * model says so). Bare: true/false, null, a number, JSON array/object, otherwise the token as a string.
 * @param input - raw text, its entry and offset, optional definition.
 * @returns the value.
 * @throws OcciError `parse_error` with the column for malformed quoting or JSON.
 */
export function parseTextValue(input: TextValueInput): AttributeValue {
  const { raw, entry, offset, def } = input;
  if (raw.startsWith('"')) {
    const end = closingQuote(raw);
    if (end !== raw.length - 1) {
      throw new OcciError('parse_error', `${entry.header}: ${end < 0 ? 'unterminated quoted value' : 'unexpected text after the quoted value'}`, { location: where(entry, offset + Math.max(end, 0)) });
    }
    return typedString(unescapeQuoted(raw.slice(1, -1)), def);
  }
  if (isStringType(def)) return raw;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (raw === 'null') return null;
  if (NUMBER.test(raw)) return Number(raw);
  if (raw.startsWith('[') || raw.startsWith('{')) {
    try {
      return JSON.parse(raw) as AttributeValue;
    } catch (error) {
      throw new OcciError('parse_error', `${entry.header}: invalid JSON value: ${(error as Error).message}`, { location: where(entry, offset), cause: error });
    }
  }
  return raw;
}
