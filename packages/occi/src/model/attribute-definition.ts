import type { Issue } from '../errors';
import type { AttributeValue } from './entity';

/** The attribute types Accords knows (OCCI 1.2 core data types, plus `uri` and `datetime`). */
export type AttributeType = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'array' | 'object' | 'uri' | 'datetime';

/** Every {@link AttributeType}. */
export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['string', 'number', 'integer', 'boolean', 'enum', 'array', 'object', 'uri', 'datetime'];

/** Properties of an attribute, as data (the name is the key it is stored under). */
export interface AttributeSpec {
  type: AttributeType;
  /** Clients may change the value (default true). */
  mutable?: boolean;
  /** A value must be present (default false). */
  required?: boolean;
  default?: AttributeValue;
  /** ECMAScript regular expression the (string) value must match. */
  pattern?: string;
  /** Allowed values of an `enum`. */
  enum?: string[];
  description?: string;
}

/** An attribute definition with its name. */
export interface AttributeDefinitionData extends AttributeSpec {
  name: string;
}

const ATTRIBUTE_NAME = /^[a-zA-Z0-9_-]+(?:\.[a-zA-Z0-9_-]+)*$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const URI = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]*|\/[^\s]*|[^\s:/?#]+(?:\/[^\s]*)?)$/;

/**
 * Tells whether a string is a valid OCCI attribute name (dot-separated components).
 * @param name - candidate name.
 * @returns true when valid.
 * @example
 * ```ts
 * isAttributeName('occi.compute.cores'); // true
 * ```
 */
export function isAttributeName(name: string): boolean {
  return ATTRIBUTE_NAME.test(name);
}

/**
 * An OCCI Attribute: name, type and properties, and the check of a value against them.
 *
 * @example
 * ```ts
 * const cores = new AttributeDefinition({ name: 'occi.compute.cores', type: 'integer' });
 * cores.validate(2); // []
 * cores.validate('two')[0].code; // 'invalid_attribute'
 * ```
 */
export class AttributeDefinition {
  readonly name: string;
  readonly type: AttributeType;
  readonly mutable: boolean;
  readonly required: boolean;
  readonly default?: AttributeValue;
  readonly pattern?: string;
  readonly enum?: readonly string[];
  readonly description?: string;
  readonly #regex?: RegExp;

  /**
   * @param data - the definition.
   * @throws OcciError never; an invalid pattern is reported by {@link AttributeDefinition.validate}.
   */
  constructor(data: AttributeDefinitionData) {
    this.name = data.name;
    this.type = data.type;
    this.mutable = data.mutable ?? true;
    this.required = data.required ?? false;
    if (data.default !== undefined) this.default = data.default;
    if (data.pattern !== undefined) {
      this.pattern = data.pattern;
      try {
        this.#regex = new RegExp(data.pattern, 'u');
      } catch {
        this.#regex = undefined;
      }
    }
    if (data.enum !== undefined) this.enum = [...data.enum];
    if (data.description !== undefined) this.description = data.description;
  }

  /**
   * Checks a value against type, enum and pattern.
   * @param value - the value to check.
   * @returns the issues found (empty when valid); each names the attribute and the rule.
   */
  validate(value: unknown): Issue[] {
    const location = { attribute: this.name };
    const bad = (rule: string): Issue[] => [{ code: 'invalid_attribute', message: `${this.name}: ${rule}`, location }];
    if (value === null) return this.required ? bad('must not be null (required)') : [];
    switch (this.type) {
      case 'string':
      case 'uri':
      case 'datetime':
      case 'enum':
        if (typeof value !== 'string') return bad(`must be a ${this.type === 'enum' ? 'string (enum)' : this.type} (type), got ${describe(value)}`);
        if (this.type === 'uri' && !URI.test(value)) return bad('must be a URI (type uri)');
        if (this.type === 'datetime' && !DATETIME.test(value)) return bad('must be an ISO 8601 date-time (type datetime)');
        if (this.enum && !this.enum.includes(value)) return bad(`must be one of ${this.enum.join(', ')} (enum), got "${value}"`);
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) return bad(`must be a number (type), got ${describe(value)}`);
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value)) return bad(`must be an integer (type), got ${describe(value)}`);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') return bad(`must be a boolean (type), got ${describe(value)}`);
        break;
      case 'array':
        if (!Array.isArray(value)) return bad(`must be an array (type), got ${describe(value)}`);
        break;
      case 'object':
        if (typeof value !== 'object' || Array.isArray(value)) return bad(`must be an object (type), got ${describe(value)}`);
        break;
    }
    if (this.pattern !== undefined && typeof value === 'string') {
      if (!this.#regex) return bad(`has an invalid pattern ${this.pattern} (pattern)`);
      if (!this.#regex.test(value)) return bad(`must match ${this.pattern} (pattern)`);
    }
    return [];
  }

  /**
   * The definition as data.
   * @returns a plain {@link AttributeSpec} (without the name).
   */
  toSpec(): AttributeSpec {
    const spec: AttributeSpec = { type: this.type, mutable: this.mutable, required: this.required };
    if (this.default !== undefined) spec.default = this.default;
    if (this.pattern !== undefined) spec.pattern = this.pattern;
    if (this.enum !== undefined) spec.enum = [...this.enum];
    if (this.description !== undefined) spec.description = this.description;
    return spec;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'string' ? `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"` : typeof value === 'object' ? 'an object' : String(value);
}
