import { AccordsError } from '@accords/occi';
import type { ValidationIssue } from './types';

/** Codes of {@link ModelError}. */
export type ModelErrorCode = 'parse_error' | 'schema_violation' | 'semantic_violation';

const STATUS: Readonly<Record<ModelErrorCode, number>> = {
  parse_error: 400,
  schema_violation: 400,
  semantic_violation: 422,
};

/** Options of {@link ModelError}. */
export interface ModelErrorOptions {
  /** Every issue found; the first becomes the message and the location. */
  issues: ValidationIssue[];
  /** Name of the document (file name, URL) quoted in the message. */
  source?: string;
  /** The underlying error (e.g. the YAML parser's). */
  cause?: unknown;
}

/**
 * The error of @accords/model: a manifest or model document that cannot be read or is not valid.
 * Its location has the JSON pointer and, for text input, the line and column of the first issue;
 * `issues` lists them all.
 *
 * @example
 * ```ts
 * try { parseManifest(text, { source: 'shop.yaml' }); }
 * catch (e) { if (e instanceof ModelError) console.log(e.status, e.location, e.issues); }
 * ```
 */
export class ModelError extends AccordsError<ModelErrorCode> {
  /** Every issue found (the first one is also the message and the location). */
  declare readonly issues: ValidationIssue[];

  /**
   * @param code - parse_error (syntax), schema_violation or semantic_violation.
   * @param options - issues (at least one), source name and cause.
   */
  constructor(code: ModelErrorCode, options: ModelErrorOptions) {
    const first = options.issues[0] ?? { message: 'Invalid document.', code, location: { pointer: '' } };
    const where = [options.source, first.location.line, first.location.column].filter((x) => x !== undefined).join(':');
    const at = first.location.pointer ? ` (at ${first.location.pointer})` : '';
    const more = options.issues.length > 1 ? ` (and ${options.issues.length - 1} more)` : '';
    super({
      code,
      status: STATUS[code],
      message: `${where ? `${where}: ` : ''}${first.message}${at}${more}`,
      location: first.location,
      issues: options.issues,
      cause: options.cause,
    });
  }
}
