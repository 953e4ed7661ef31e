import { demoCatalogue, demoSignals } from '@accords/model';
import { describe, expect, it } from 'vitest';
import { SchedulerError } from './errors';
import { PlacementIndex } from './placement-index';
import { scheduleDeferrable } from './schedule-deferrable';

const NOW = '2026-04-01T00:00:00Z';
const index = PlacementIndex.fromModel(demoCatalogue());
const signals = demoSignals({ from: NOW, hours: 96 });

describe('scheduleDeferrable', () => {
  it('runs contiguous work inside its window and accounts its carbon', () => {
    const run = scheduleDeferrable({ node: { name: 'render', cores: 8, memoryGiB: 32, batch: { durationHours: 5, deadline: '2026-04-03T00:00:00Z' } }, terms: { objectives: { carbon: 1 } }, index, signals, now: NOW });
    expect(run.placed).toBe(true);
    if (!run.placed) return;
    expect(Date.parse(run.start)).toBeGreaterThanOrEqual(Date.parse(NOW));
    expect(Date.parse(run.end)).toBeLessThanOrEqual(Date.parse('2026-04-03T00:00:00Z'));
    expect(run.slots).toHaveLength(5);
    expect(run.carbonG.locationBased).toBeGreaterThan(0);
    expect(run.cost).toBeCloseTo(run.decision.pricePerHour * 5);
  });

  it('lets interruptible work pick its lowest-carbon hours, never worse than a contiguous run', () => {
    const base = { cores: 4, memoryGiB: 8 };
    const window = { durationHours: 6, deadline: '2026-04-04T00:00:00Z' };
    const terms = { objectives: { carbon: 1 }, jurisdiction: { allowed: ['DE'] } };
    const a = scheduleDeferrable({ node: { name: 'a', ...base, batch: window }, terms, index, signals, now: NOW });
    const b = scheduleDeferrable({ node: { name: 'b', ...base, batch: { ...window, interruptible: true } }, terms, index, signals, now: NOW });
    expect(a.placed && b.placed).toBe(true);
    if (!a.placed || !b.placed) return;
    expect(b.slots).toHaveLength(6);
    expect(b.carbonG.locationBased / b.decision.pricePerHour).toBeLessThanOrEqual(a.carbonG.locationBased / a.decision.pricePerHour + 1e-9);
  });

  it('diagnoses a window shorter than the work', () => {
    const run = scheduleDeferrable({ node: { name: 'late', cores: 2, memoryGiB: 4, batch: { durationHours: 10, deadline: '2026-04-01T05:00:00Z' } }, index, signals, now: NOW });
    expect(run.placed).toBe(false);
    if (!run.placed) expect(run.diagnosis.message).toMatch(/window|time-window/);
  });

  it('refuses a node without a batch section', () => {
    expect(() => scheduleDeferrable({ node: { name: 'x', cores: 1, memoryGiB: 1 }, index, signals, now: NOW })).toThrow(SchedulerError);
  });
});
