import { describe, expect, it } from 'vitest';
import { createSingleFlight } from './single-flight';

describe('createSingleFlight', () => {
  it('runs one call per key at a time and forgets it once settled', async () => {
    const group = createSingleFlight<number>();
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((r) => setImmediate(r));
      return runs;
    };
    const [a, b] = await Promise.all([group.run('k', work), group.run('k', work)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(group.inflight()).toBe(0);
    expect(await group.run('k', work)).toBe(2);
    await expect(group.run('x', async () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(group.inflight()).toBe(0);
  });
});
