import { describe, expect, it } from 'vitest';
import { CONNECTOR_ERROR_KINDS, ConnectorError, isConnectorError, isRetryable } from './connector-error';

describe('ConnectorError', () => {
  it('carries kind, code, status, retry hint and the backend cause', () => {
    const cause = new Error('HTTP 429 Too Many Requests');
    const err = new ConnectorError('throttled', 'backend throttled the call', { retryAfterMs: 1500, backendCode: 429, cause, providerId: 'os', operation: 'create' });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('ConnectorError');
    expect(err.code).toBe('connector.throttled');
    expect(err.status).toBe(429);
    expect(err.retryable).toBe(true);
    expect(err.cause).toBe(cause);
    expect(err.toJSON()).toMatchObject({ kind: 'throttled', code: 'connector.throttled', status: 429, retryAfterMs: 1500, backendCode: 429, providerId: 'os', operation: 'create' });
    expect(JSON.stringify(err)).not.toContain('Too Many Requests');
  });

  it('maps every kind to an HTTP status and only transient kinds to retryable', () => {
    const retryable = CONNECTOR_ERROR_KINDS.filter((k) => new ConnectorError(k, 'x').retryable);
    expect(retryable).toEqual(['transient', 'throttled', 'timeout']);
    for (const k of CONNECTOR_ERROR_KINDS) {
      const s = new ConnectorError(k, 'x').status;
      expect(s).toBeGreaterThanOrEqual(400);
      expect(s).toBeLessThan(600);
    }
    expect(new ConnectorError('not_found', 'x').status).toBe(404);
    expect(new ConnectorError('invalid', 'x', { location: { pointer: '/name' } }).location).toEqual({ pointer: '/name' });
  });

  it('is recognised across package copies by its shape, and nothing else is', () => {
    const foreign = Object.assign(new Error('x'), { kind: 'transient', code: 'connector.transient', retryable: true });
    expect(isConnectorError(foreign)).toBe(true);
    expect(isRetryable(foreign)).toBe(true);
    expect(isConnectorError(Object.assign(new Error('x'), { kind: 'bogus', code: 'connector.bogus' }))).toBe(false);
    expect(isConnectorError({ kind: 'transient', code: 'connector.transient' })).toBe(false);
    expect(isRetryable(new Error('boom'))).toBe(false);
  });
});
