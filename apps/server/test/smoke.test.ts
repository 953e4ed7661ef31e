import { expect, it } from 'vitest';
import { describeEachBackend } from './helpers/harness';

describeEachBackend('smoke', (h) => {
  it('serves /healthz without a token', async () => {
    const res = await h().call('/healthz', { token: null });
    expect(res.status).toBe(200);
  });
});
