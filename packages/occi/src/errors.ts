/** Where in the input (or the model) a problem was found. */
export type ErrorLocation = {
  /** 1-based line of a text rendering. */
  line?: number;
  /** 1-based column of a text rendering. */
  column?: number;
  /** JSON pointer (RFC 6901) into a JSON document. */
  pointer?: string;
  /** Name of the OCCI attribute (or `kind`, `mixins`, `id`, ...) that is wrong. */
  attribute?: string;
  /** HTTP header (or text/plain line name) the problem was found in. */
  header?: string;
};

/** One problem found by a validator: what is wrong, a machine-readable code, and where. */
export interface Issue {
  /** Human-readable description. */
  message: string;
  /** Machine-readable code (for OCCI validators one of {@link OcciErrorCode}). */
  code: string;
  /** Where the problem is. */
  location?: ErrorLocation;
}

/** The outcome of a validator: the (normalised) value, or every issue found. */
export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Options shared by every {@link AccordsError}. */
export interface AccordsErrorOptions<C extends string> {
  /** Machine-readable code. */
  code: C;
  /** HTTP status the error maps to. */
  status: number;
  /** Human-readable message. */
  message: string;
  /** Where the problem is. */
  location?: ErrorLocation;
  /** The underlying error, if any (ES2022 `cause`). */
  cause?: unknown;
  /** Every issue, when the error sums up a failed validation. */
  issues?: Issue[];
}

/** JSON form of an {@link AccordsError}, as the server sends it. */
export interface AccordsErrorJSON {
  name: string;
  code: string;
  status: number;
  message: string;
  location?: ErrorLocation;
  issues?: Issue[];
}

/**
 * Base error of every Accords package: a code, the HTTP status it maps to and where it happened.
 *
 * @example
 * ```ts
 * const e = new AccordsError({ code: 'boom', status: 500, message: 'it broke' });
 * e.toJSON(); // { name: 'AccordsError', code: 'boom', status: 500, message: 'it broke' }
 * ```
 */
export class AccordsError<C extends string = string> extends Error {
  /** Machine-readable code. */
  readonly code: C;
  /** HTTP status. */
  readonly status: number;
  /** Where the problem is. */
  readonly location?: ErrorLocation;
  /** Every issue of a failed validation (the first one is also the message). */
  readonly issues?: Issue[];

  /**
   * @param options - code, status, message, and optionally location, cause and issues.
   */
  constructor(options: AccordsErrorOptions<C>) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.status = options.status;
    if (options.location) this.location = options.location;
    if (options.issues) this.issues = options.issues;
  }

  /**
   * Plain JSON form (no stack, no cause).
   * @returns name, code, status, message, location and issues.
   */
  toJSON(): AccordsErrorJSON {
    const json: AccordsErrorJSON = { name: this.name, code: this.code, status: this.status, message: this.message };
    if (this.location) json.location = this.location;
    if (this.issues) json.issues = this.issues;
    return json;
  }
}

/** Codes of {@link OcciError}. */
export type OcciErrorCode =
  | 'parse_error'
  | 'bad_request'
  | 'schema_violation'
  | 'invalid_attribute'
  | 'missing_attribute'
  | 'immutable_attribute'
  | 'unknown_attribute'
  | 'unknown_category'
  | 'not_applicable'
  | 'invalid_action'
  | 'invalid_state'
  | 'unsupported_media_type'
  | 'not_acceptable'
  | 'not_found'
  | 'method_not_allowed'
  | 'conflict'
  | 'forbidden'
  | 'not_implemented';

/** The HTTP status each {@link OcciErrorCode} maps to (GFD.223 and GFD.185 return codes). */
export const OCCI_ERROR_STATUS: Readonly<Record<OcciErrorCode, number>> = Object.freeze({
  parse_error: 400,
  bad_request: 400,
  schema_violation: 400,
  invalid_attribute: 400,
  missing_attribute: 400,
  immutable_attribute: 400,
  unknown_attribute: 400,
  unknown_category: 400,
  not_applicable: 400,
  invalid_action: 400,
  invalid_state: 409,
  unsupported_media_type: 415,
  not_acceptable: 406,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  forbidden: 403,
  not_implemented: 501,
});

/** Options of {@link OcciError} beyond its code and message. */
export interface OcciErrorOptions {
  location?: ErrorLocation;
  cause?: unknown;
  issues?: Issue[];
}

/**
 * The error thrown by @accords/occi: parse, validation and protocol failures.
 *
 * @example
 * ```ts
 * const e = new OcciError('missing_attribute', 'occi.storage.size is required', { location: { attribute: 'occi.storage.size' } });
 * e.status; // 400
 * ```
 */
export class OcciError extends AccordsError<OcciErrorCode> {
  /**
   * @param code - what went wrong; the HTTP status follows from it.
   * @param message - human-readable description.
   * @param options - location, cause, issues.
   */
  constructor(code: OcciErrorCode, message: string, options: OcciErrorOptions = {}) {
    super({ code, status: OCCI_ERROR_STATUS[code], message, ...options });
  }

  /**
   * Sums up the issues of a failed validation as one error (code and location of the first issue).
   * @param issues - at least one issue.
   * @returns an OcciError carrying every issue.
   * @example
   * ```ts
   * OcciError.fromIssues([{ code: 'parse_error', message: 'bad', location: { line: 1 } }]).status; // 400
   * ```
   */
  static fromIssues(issues: Issue[]): OcciError {
    const first = issues[0] ?? { code: 'parse_error', message: 'invalid input' };
    const code = isOcciErrorCode(first.code) ? first.code : 'parse_error';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    return new OcciError(code, first.message + more, { location: first.location, issues });
  }
}

/**
 * Tells whether a string is one of the {@link OcciErrorCode}s.
 * @param code - any string.
 * @returns true for a known code.
 * @example
 * ```ts
 * isOcciErrorCode('not_found'); // true
 * ```
 */
export function isOcciErrorCode(code: string): code is OcciErrorCode {
  return Object.prototype.hasOwnProperty.call(OCCI_ERROR_STATUS, code);
}

/**
 * Builds a successful {@link Result}.
 * @param value - the value.
 * @returns `{ ok: true, value }`.
 * @example
 * ```ts
 * ok(1); // { ok: true, value: 1 }
 * ```
 */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Builds a failed {@link Result}.
 * @param issues - what is wrong.
 * @returns `{ ok: false, issues }`.
 * @example
 * ```ts
 * fail([{ code: 'parse_error', message: 'bad' }]).ok; // false
 * ```
 */
export function fail<T = never>(issues: Issue[]): Result<T> {
  return { ok: false, issues };
}

/**
 * Returns the value of a result or throws its issues as one {@link OcciError}.
 * @param result - a validator's result.
 * @returns the value.
 * @throws OcciError when the result failed.
 * @example
 * ```ts
 * unwrap(ok(2)); // 2
 * ```
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw OcciError.fromIssues(result.issues);
}
