import { describe, expect, it } from 'vitest';
import { measure } from './measure';

describe('measure', () => {
  it('warms up once, times five rounds and prints one JSON line', async () => {
    let runs = 0;
    const lines: string[] = [];
    const ms = await measure('case-a', { n: 10, baseline: 'case-0', run: () => void runs++, print: (l) => lines.push(l) });
    expect(runs).toBe(6);
    expect(lines).toHaveLength(1);
    const row = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(Object.keys(row)).toEqual(['case', 'n', 'medianMs', 'opsPerSec', 'baseline']);
    expect(row).toMatchObject({ case: 'case-a', n: 10, baseline: 'case-0' });
    expect(ms).toBeGreaterThanOrEqual(0);
  });
  it('prints a null baseline when there is none', async () => {
    const lines: string[] = [];
    await measure('case-b', { n: 1, run: async () => undefined, print: (l) => lines.push(l) });
    expect((JSON.parse(lines[0]!) as { baseline: unknown }).baseline).toBeNull();
  });
});
