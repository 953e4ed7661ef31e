import { describe, expect, it } from 'vitest';
import { createRandom, stream } from './random';

describe('seeded random', () => {
  it('repeats for a seed, differs across seeds and streams, stays in range', () => {
    const a = Array.from({ length: 5 }, createRandom(42).next);
    const r = createRandom(42);
    expect(Array.from({ length: 5 }, r.next)).toEqual(a);
    expect(createRandom(43).next()).not.toBe(a[0]);
    expect(stream(1, 'ids').next()).not.toBe(stream(1, 'faults').next());
    const x = createRandom(1);
    for (let i = 0; i < 1000; i++) {
      const v = x.next();
      expect(v >= 0 && v < 1).toBe(true);
      const n = x.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(x.hex(16)).toMatch(/^[0-9a-f]{16}$/);
    expect(x.chance(0)).toBe(false);
  });

  it('chance(p) hits about p of the time', () => {
    const r = createRandom(9);
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (r.chance(0.2)) hits++;
    expect(hits / 10_000).toBeGreaterThan(0.18);
    expect(hits / 10_000).toBeLessThan(0.22);
  });
});
