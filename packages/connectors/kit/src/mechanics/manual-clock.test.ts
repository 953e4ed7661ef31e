import { describe, expect, it } from 'vitest';
import { sleep } from './abort';
import { createManualClock } from './manual-clock';

describe('createManualClock', () => {
  it('fires timers in due order only when advanced', async () => {
    const clock = createManualClock({ startMs: 0 });
    const seen: string[] = [];
    clock.setTimer(() => seen.push('b'), 200);
    clock.setTimer(() => seen.push('a'), 100);
    const cancel = clock.setTimer(() => seen.push('never'), 150);
    cancel();
    await clock.advance(99);
    expect(seen).toEqual([]);
    await clock.advance(1);
    expect(seen).toEqual(['a']);
    expect(clock.now()).toBe(100);
    await clock.advance(500);
    expect(seen).toEqual(['a', 'b']);
    expect(clock.now()).toBe(600);
  });

  it('runs chained sleeps scheduled by resumed code within one advance', async () => {
    const clock = createManualClock({ startMs: 0 });
    const times: number[] = [];
    const chain = (async () => {
      for (let i = 0; i < 3; i++) {
        await sleep(100, { clock });
        times.push(clock.now());
      }
    })();
    await clock.advance(300);
    await chain;
    expect(times).toEqual([100, 200, 300]);
  });

  it('with auto, jumps to the next timer by itself', async () => {
    const clock = createManualClock({ startMs: 0, auto: true });
    await sleep(3_600_000, { clock });
    expect(clock.now()).toBe(3_600_000);
    expect(clock.pending()).toBe(0);
  });
});
