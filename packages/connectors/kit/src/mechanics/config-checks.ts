import { ConnectorError } from '../errors/connector-error';

/** One problem found in a connector configuration: where (a JSON pointer) and what. */
export interface ConfigIssue {
  /** JSON pointer of the wrong field (`''` for the whole configuration). */
  pointer: string;
  /** What is wrong, e.g. `is required`. */
  message: string;
}

/** What {@link checkString} checks. */
export interface StringCheck {
  value: unknown;
  pointer: string;
  /** Absent is an issue (default: absent is fine). */
  required?: boolean;
  /** The value must match it. */
  pattern?: RegExp;
}

/** What {@link checkNumber} checks. */
export interface NumberCheck {
  value: unknown;
  pointer: string;
  /** Absent is an issue (default: absent is fine). */
  required?: boolean;
  /** Smallest accepted value (default 0). */
  min?: number;
}

/**
 * Tells whether a value is a plain JSON object (not null, not an array).
 * @param v - Any value.
 * @returns `true` when `v` can be read as a record of fields.
 * @example
 * ```ts
 * isPlainObject({ a: 1 }); // true
 * isPlainObject([1]); // false
 * ```
 */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Checks an optional or required non-empty string field, appending an issue when it is wrong.
 * @param issues - The list issues are appended to.
 * @param check - The value, its pointer and the rules.
 * @example
 * ```ts
 * const issues: ConfigIssue[] = [];
 * checkString(issues, { value: input.uri, pointer: '/uri', required: true, pattern: /^[a-z]+:\/\// });
 * ```
 */
export function checkString(issues: ConfigIssue[], check: StringCheck): void {
  const { value, pointer, required, pattern } = check;
  if (value === undefined) {
    if (required) issues.push({ pointer, message: 'is required' });
  } else if (typeof value !== 'string' || value === '') issues.push({ pointer, message: 'must be a non-empty string' });
  else if (pattern && !pattern.test(value)) issues.push({ pointer, message: `does not match ${pattern}` });
}

/**
 * Checks an optional or required finite number field with a lower bound, appending an issue when it is wrong.
 * @param issues - The list issues are appended to.
 * @param check - The value, its pointer and the rules.
 * @example
 * ```ts
 * const issues: ConfigIssue[] = [];
 * checkNumber(issues, { value: input.refreshMs, pointer: '/refreshMs', min: 1 });
 * ```
 */
export function checkNumber(issues: ConfigIssue[], check: NumberCheck): void {
  const { value, pointer, required } = check;
  const min = check.min ?? 0;
  if (value === undefined) {
    if (required) issues.push({ pointer, message: 'is required' });
  } else if (typeof value !== 'number' || !Number.isFinite(value) || value < min) issues.push({ pointer, message: `must be a number >= ${min}` });
}

/**
 * Escapes an object key for use as one JSON pointer token (RFC 6901: `~` → `~0`, `/` → `~1`).
 * @param key - The raw key.
 * @returns The escaped token.
 * @example
 * ```ts
 * `/regions/${escapePointerToken('eu/west')}`; // '/regions/eu~1west'
 * ```
 */
export function escapePointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Turns the issues of a rejected connector configuration into one `invalid` error that lists
 * them all and locates the first.
 * @param backend - The connector's name in the message, e.g. `libvirt`.
 * @param issues - At least one issue.
 * @returns A {@link ConnectorError} with code `invalid`, to throw.
 * @throws {RangeError} When `issues` is empty (there is nothing to report).
 * @example
 * ```ts
 * const r = validateMyConfig(input);
 * if (!r.ok) throw invalidConfigError('my-cloud', r.issues);
 * ```
 */
export function invalidConfigError(backend: string, issues: readonly ConfigIssue[]): ConnectorError {
  const first = issues[0];
  if (!first) throw new RangeError('invalidConfigError needs at least one issue');
  return new ConnectorError('invalid', `invalid ${backend} connector configuration: ${issues.map((i) => `${i.pointer || '/'} ${i.message}`).join('; ')}`, {
    location: { pointer: first.pointer, attribute: first.pointer.split('/').pop() },
  });
}
