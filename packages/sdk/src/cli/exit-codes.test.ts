import { AccordsError } from '@accords/occi';
import { describe, expect, it } from 'vitest';
import { OcciClientError } from '../errors';
import { CliError, ExitCode, exitCodeFor } from './exit-codes';

describe('exitCodeFor', () => {
  const http = (status: number) => new OcciClientError({ code: 'x', status, message: 'm' });
  it('maps statuses and client failures to documented codes', () => {
    expect(exitCodeFor(http(404))).toBe(ExitCode.notFound);
    expect(exitCodeFor(http(401))).toBe(ExitCode.auth);
    expect(exitCodeFor(http(403))).toBe(ExitCode.auth);
    expect(exitCodeFor(http(409))).toBe(ExitCode.conflict);
    expect(exitCodeFor(http(412))).toBe(ExitCode.conflict);
    expect(exitCodeFor(http(400))).toBe(ExitCode.rejected);
    expect(exitCodeFor(http(503))).toBe(ExitCode.server);
    expect(exitCodeFor(new OcciClientError({ code: 'connection_failed', status: 0, message: 'm' }))).toBe(ExitCode.unreachable);
    expect(exitCodeFor(new OcciClientError({ code: 'unknown_category', status: 0, message: 'm' }))).toBe(ExitCode.invalidInput);
    expect(exitCodeFor(new AccordsError({ code: 'schema_violation', status: 400, message: 'm' }))).toBe(ExitCode.rejected);
    expect(exitCodeFor(new CliError('m', { exitCode: ExitCode.cancelled }))).toBe(11);
    expect(exitCodeFor(new TypeError('bug'))).toBe(ExitCode.unexpected);
  });
});
