import { AccordsError } from '@accords/occi';

/** The exit codes of `accords`, which scripts can rely on (also in docs/guides/cli.md). */
export const ExitCode = {
  /** Everything worked. */
  ok: 0,
  /** An unexpected failure (a bug: please report it with `--verbose`). */
  unexpected: 1,
  /** Unknown command, bad flag, missing argument. */
  usage: 2,
  /** Input that fails validation before anything is sent (manifest, attribute values, config). */
  invalidInput: 3,
  /** The server has no such entity or category (404). */
  notFound: 4,
  /** Authentication failed or not allowed (401, 403). */
  auth: 5,
  /** Conflict: the entity's state does not allow it, or it changed meanwhile (409, 412). */
  conflict: 6,
  /** The server refused the request for another reason (other 4xx). */
  rejected: 7,
  /** The server failed (5xx) or answered something unreadable. */
  server: 8,
  /** The server could not be reached (connection refused, DNS, timeout). */
  unreachable: 9,
  /** A deployment ended badly: the plan could not place every node, or a node failed. */
  deployFailed: 10,
  /** Cancelled: the plan was declined at the prompt, or Ctrl-C. */
  cancelled: 11,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * The exit code for an error.
 * @param error - anything thrown
 * @returns the matching {@link ExitCode}
 */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (error instanceof CliError) return error.exitCode;
  if (!(error instanceof AccordsError)) return ExitCode.unexpected;
  const { status, code } = error;
  if (status === 0) {
    if (code === 'connection_failed' || code === 'aborted') return ExitCode.unreachable;
    if (code === 'invalid_response') return ExitCode.server;
    return ExitCode.invalidInput;
  }
  if (status === 404) return ExitCode.notFound;
  if (status === 401 || status === 403) return ExitCode.auth;
  if (status === 409 || status === 412) return ExitCode.conflict;
  if (status >= 400 && status < 500) return ExitCode.rejected;
  return ExitCode.server;
}

/** An error the CLI raises itself, with its exit code and an optional hint for the user. */
export class CliError extends Error {
  readonly exitCode: ExitCodeValue;
  readonly hint: string | undefined;

  constructor(message: string, options: { exitCode: ExitCodeValue; hint?: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CliError';
    this.exitCode = options.exitCode;
    this.hint = options.hint;
  }
}
