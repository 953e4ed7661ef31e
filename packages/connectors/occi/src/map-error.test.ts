import { ConnectorError } from '@accords/connector-kit';
import { OcciClientError } from '@accords/sdk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kindOfStatus, mapRemoteError } from './map-error';

const ctx = { providerId: 'peer', operation: 'get' };
const answered = (status: number, extra: Partial<ConstructorParameters<typeof OcciClientError>[0]> = {}) =>
  new OcciClientError({ code: 'x', status, message: 'remote said no', request: { method: 'GET', url: 'http://h:1/compute/1' }, ...extra });

describe('mapRemoteError', () => {
  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not_found'],
    [409, 'conflict'],
    [413, 'throttled'],
    [429, 'throttled'],
    [503, 'transient'],
    [400, 'invalid'],
    [415, 'unsupported'],
    [500, 'unknown'],
  ] as const)('maps HTTP %i to %s', (status, kind) => {
    const mapped = mapRemoteError(answered(status), ctx);
    expect(mapped.kind).toBe(kind);
    expect(mapped.backendCode).toBe(status);
    expect(mapped.message).toContain('remote said no');
    expect(mapped.message).toContain('GET /compute/1');
    expect(mapped.cause).toBeInstanceOf(OcciClientError);
  });

  it('keeps the Retry-After of throttled and transient answers only', () => {
    expect(mapRemoteError(answered(503), { ...ctx, retryAfterMs: 2000 }).retryAfterMs).toBe(2000);
    expect(mapRemoteError(answered(429), { ...ctx, retryAfterMs: 1000 }).retryAfterMs).toBe(1000);
    expect(mapRemoteError(answered(404), { ...ctx, retryAfterMs: 1000 }).retryAfterMs).toBeUndefined();
  });

  it('keeps where a 400 was wrong', () => {
    const mapped = mapRemoteError(answered(400, { location: { attribute: 'occi.storage.size', line: 3 } }), ctx);
    expect(mapped.kind).toBe('invalid');
    expect(mapped.location).toEqual({ attribute: 'occi.storage.size' });
  });

  it('maps failures without an answer', () => {
    const timeout = new OcciClientError({ code: 'aborted', status: 0, message: 'timed out', cause: new DOMException('t', 'TimeoutError') });
    expect(mapRemoteError(timeout, ctx).kind).toBe('timeout');
    const cancel = new OcciClientError({ code: 'aborted', status: 0, message: 'cancelled', cause: new DOMException('a', 'AbortError') });
    expect(mapRemoteError(cancel, ctx).kind).toBe('cancelled');
    expect(mapRemoteError(new OcciClientError({ code: 'connection_failed', status: 0, message: 'ECONNREFUSED' }), ctx).kind).toBe('transient');
    expect(mapRemoteError(new OcciClientError({ code: 'invalid_response', status: 0, message: 'garbage' }), ctx).kind).toBe('unknown');
    expect(mapRemoteError(new Error('boom'), ctx).kind).toBe('unknown');
  });

  it('passes connector errors through unchanged', () => {
    const e = new ConnectorError('quota', 'full');
    expect(mapRemoteError(e, ctx)).toBe(e);
  });

  it('maps every status to a kind whose retryability matches the status class', () => {
    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), (status) => {
        const kind = kindOfStatus(status);
        const retryable = ['transient', 'throttled', 'timeout'].includes(kind);
        expect(retryable).toBe([413, 429, 502, 503, 504].includes(status));
      }),
    );
  });
});
