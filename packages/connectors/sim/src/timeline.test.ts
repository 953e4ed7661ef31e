import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Timeline } from './timeline';

describe('Timeline', () => {
  it('reads states at instants, including scheduled ones, and replans the future', () => {
    const t = new Timeline(0, 'pending');
    t.replan(0, [{ at: 100, state: 'active' }, { at: 1_000, state: 'error' }]);
    expect([t.stateAt(0), t.stateAt(99), t.stateAt(100), t.stateAt(999), t.stateAt(1_000)]).toEqual(['pending', 'pending', 'active', 'active', 'error']);
    t.replan(500, [{ at: 500, state: 'inactive' }]);
    expect([t.stateAt(400), t.stateAt(500), t.stateAt(5_000)]).toEqual(['active', 'inactive', 'inactive']);
    expect(t.timeIn({ from: 0, to: 10_000 }, new Set(['active']))).toBe(400);
    expect(t.entered('error', 10_000)).toBe(0);
  });

  it('time in all states of a window adds up to the window (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.constantFrom('active', 'inactive', 'suspended', 'pending')), { maxLength: 20 }), fc.integer({ min: 0, max: 30_000 }), (steps, width) => {
        const t = new Timeline(0, 'pending');
        let at = 0;
        for (const [gap, state] of steps) {
          at += gap;
          t.replan(at, [{ at, state: state as 'active' }]);
        }
        const all = new Set(['active', 'inactive', 'suspended', 'pending'] as const);
        expect(t.timeIn({ from: 0, to: width }, all)).toBe(width);
      }),
    );
  });
});
