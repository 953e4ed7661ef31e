import { describe, expect, it } from 'vitest';
import { ConnectorError } from '@accords/connector-kit';
import { classifyError } from './classify';

describe('classifyError', () => {
  it('retries the connector kinds the kit marks retryable, with their suggested delay', () => {
    expect(classifyError(new ConnectorError('throttled', 'slow down', { retryAfterMs: 1500 }))).toMatchObject({ retryable: true, suggestedMs: 1500 });
    expect(classifyError(new ConnectorError('transient', 'reset')).retryable).toBe(true);
    expect(classifyError(new ConnectorError('timeout', 'late')).retryable).toBe(true);
  });

  it('fails at once on final errors, keeping their code and message', () => {
    expect(classifyError(new ConnectorError('quota', 'quota of 2 reached'))).toEqual({ code: 'connector.quota', message: 'quota of 2 reached', retryable: false });
    expect(classifyError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom', retryable: false });
  });

  it('retries database deadlocks and serialisation failures', () => {
    expect(classifyError(Object.assign(new Error('deadlock detected'), { driverError: { code: '40P01' } })).retryable).toBe(true);
    expect(classifyError(Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' })).retryable).toBe(true);
  });
});
