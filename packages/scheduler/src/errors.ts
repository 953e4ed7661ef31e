/** Where in the input a problem was found. */
export interface ErrorLocation {
  pointer?: string;
  attribute?: string;
}

/** Machine-readable codes of scheduler errors. */
export type SchedulerErrorCode = 'invalid-input' | 'unknown-reference' | 'plugin-failed';

/** One problem found in a scheduler input. */
export interface InputIssue {
  code: SchedulerErrorCode;
  pointer: string;
  message: string;
}

/**
 * The error the scheduler throws for an input it cannot use: a code, an HTTP status, the JSON
 * pointer of the first problem and every problem in `issues`.
 *
 * @example
 * ```ts
 * try { place(input); } catch (e) { if (e instanceof SchedulerError) console.log(e.location.pointer); }
 * ```
 */
export class SchedulerError extends Error {
  override readonly name = 'SchedulerError';
  readonly code: SchedulerErrorCode;
  readonly status: number;
  readonly location: ErrorLocation;
  readonly issues: InputIssue[];

  /**
   * @param issues - the problems; the first one names the error
   * @param options - ES2022 `cause`
   */
  constructor(issues: InputIssue[], options?: { cause?: unknown }) {
    const first = issues[0] ?? { code: 'invalid-input' as const, pointer: '', message: 'invalid input' };
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(`${first.message} at ${first.pointer || '/'}${more}`, options);
    this.code = first.code;
    this.status = first.code === 'plugin-failed' ? 500 : 422;
    this.location = { pointer: first.pointer };
    this.issues = issues;
  }

  /**
   * @returns a JSON body with code, status, message, location and issues
   * @example
   * ```ts
   * res.status(err.status).json(err.toJSON());
   * ```
   */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, status: this.status, message: this.message, location: this.location, issues: this.issues };
  }
}
