import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../errors/connector-error';
import type { FailureContext } from './backend-call';
import { callBackend, mapBackendError } from './backend-call';

class DemoError extends Error {}

const mapping = {
  backend: 'demo',
  classify: (error: unknown, ctx: FailureContext) => (error instanceof DemoError ? new ConnectorError('transient', `demo ${ctx.operation}: busy`, { ...ctx, cause: error }) : undefined),
};
const ctx: FailureContext = { providerId: 'p', operation: 'get' };
const toConnectorError = (error: unknown, c: FailureContext) => mapBackendError(error, c, mapping);

describe('mapBackendError', () => {
  it('passes connector errors through unchanged', () => {
    const e = new ConnectorError('not_found', 'gone');
    expect(mapBackendError(e, ctx, mapping)).toBe(e);
  });
  it('turns anything thrown after the signal fired into cancelled', () => {
    const controller = new AbortController();
    controller.abort();
    const e = mapBackendError(new DemoError('late'), { ...ctx, signal: controller.signal }, mapping);
    expect(e.kind).toBe('cancelled');
  });
  it('uses the classifier for the backend’s own errors', () => {
    const cause = new DemoError('x');
    const e = mapBackendError(cause, ctx, mapping);
    expect([e.kind, e.message, e.cause]).toEqual(['transient', 'demo get: busy', cause]);
  });
  it('maps the rest to unknown, keeping the message and cause', () => {
    const e = mapBackendError('boom', ctx, mapping);
    expect([e.kind, e.message, e.providerId, e.operation, e.cause]).toEqual(['unknown', 'demo get: boom', 'p', 'get', 'boom']);
  });
});

describe('callBackend', () => {
  it('resolves with what the work returns', async () => {
    await expect(callBackend({ providerId: 'p', operation: 'get', mapError: toConnectorError }, async () => 7)).resolves.toBe(7);
  });
  it('maps a failure with the operation it happened in', async () => {
    const failing = callBackend({ providerId: 'p', operation: 'delete', mapError: toConnectorError }, async () => {
      throw new DemoError('x');
    });
    await expect(failing).rejects.toMatchObject({ kind: 'transient', message: 'demo delete: busy', operation: 'delete' });
  });
  it('hands the work a signal that fires when the caller cancels', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const running = callBackend({ providerId: 'p', operation: 'get', options: { signal: controller.signal }, mapError: toConnectorError }, (run) => {
      seen = run.signal;
      return new Promise<never>(() => undefined);
    });
    controller.abort();
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    expect(seen?.aborted).toBe(true);
  });
});
