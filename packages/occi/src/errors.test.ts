import { describe, expect, it } from 'vitest';
import { AccordsError, OCCI_ERROR_STATUS, OcciError, fail, isOcciErrorCode, ok, unwrap } from './errors';

describe('AccordsError', () => {
  it('carries code, status, location and cause, and serialises without the stack', () => {
    const cause = new Error('low level');
    const e = new AccordsError({ code: 'boom', status: 502, message: 'upstream failed', location: { header: 'Host' }, cause });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('AccordsError');
    expect(e.cause).toBe(cause);
    expect(e.toJSON()).toEqual({ name: 'AccordsError', code: 'boom', status: 502, message: 'upstream failed', location: { header: 'Host' } });
    expect(JSON.stringify(e)).not.toContain('stack');
  });
});

describe('OcciError', () => {
  it('maps every code to the OCCI/HTTP status', () => {
    expect(new OcciError('not_found', 'x').status).toBe(404);
    expect(new OcciError('forbidden', 'x').status).toBe(403);
    expect(new OcciError('not_acceptable', 'x').status).toBe(406);
    expect(new OcciError('conflict', 'x').status).toBe(409);
    expect(new OcciError('unsupported_media_type', 'x').status).toBe(415);
    expect(new OcciError('not_implemented', 'x').status).toBe(501);
    expect(new OcciError('invalid_state', 'x').status).toBe(409);
    for (const [code, status] of Object.entries(OCCI_ERROR_STATUS)) expect(status, code).toBeGreaterThanOrEqual(400);
  });

  it('is an AccordsError with its own name', () => {
    const e = new OcciError('parse_error', 'bad', { location: { line: 2, column: 5 } });
    expect(e).toBeInstanceOf(AccordsError);
    expect(e.name).toBe('OcciError');
    expect(e.toJSON().location).toEqual({ line: 2, column: 5 });
  });

  it('sums up issues with the first issue code and location', () => {
    const e = OcciError.fromIssues([
      { code: 'missing_attribute', message: 'a: is required', location: { attribute: 'a' } },
      { code: 'invalid_attribute', message: 'b: bad', location: { attribute: 'b' } },
    ]);
    expect(e.code).toBe('missing_attribute');
    expect(e.message).toBe('a: is required (and 1 more)');
    expect(e.location).toEqual({ attribute: 'a' });
    expect(e.issues).toHaveLength(2);
    expect(OcciError.fromIssues([{ code: 'weird', message: 'm' }]).code).toBe('parse_error');
  });

  it('unwraps results', () => {
    expect(unwrap(ok(3))).toBe(3);
    expect(() => unwrap(fail([{ code: 'not_found', message: 'gone' }]))).toThrow(OcciError);
    expect(isOcciErrorCode('conflict')).toBe(true);
    expect(isOcciErrorCode('toString')).toBe(false);
  });
});
