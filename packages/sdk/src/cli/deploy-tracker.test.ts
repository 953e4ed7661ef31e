import { describe, expect, it } from 'vitest';
import { DeployTracker } from './deploy-tracker';

describe('DeployTracker', () => {
  it('is done when every instance runs, and reports progress from states and job events', () => {
    const t = new DeployTracker(['web', 'web#1', 'db']);
    expect(t.apply({ type: 'state', data: { node: 'db', state: 'provisioning' } })).toEqual({ changed: [{ key: 'db', state: 'provisioning', progress: 0.4 }], done: false });
    expect(t.apply({ type: 'job', data: { node: 'db', progress: 0.7, message: 'booting' } }).changed).toEqual([{ key: 'db', state: 'provisioning', progress: 0.7, message: 'booting' }]);
    expect(t.apply({ type: 'state', data: { node: 'db', state: 'running' } }).done).toBe(false);
    expect(t.apply({ type: 'state', data: { node: 'web', replica: 0, state: 'running' } }).done).toBe(false);
    expect(t.apply({ type: 'state', data: { node: 'web', replica: 1, state: 'running' } }).done).toBe(true);
  });

  it('fails on a failed node, with its message', () => {
    const t = new DeployTracker(['web']);
    expect(t.apply({ type: 'state', data: { node: 'web', state: 'failed', message: 'quota exceeded' } }).failed).toBe('web failed: quota exceeded');
  });

  it('follows service-wide phases', () => {
    const t = new DeployTracker(['a', 'b']);
    expect(t.apply({ type: 'state', data: { phase: 'provisioning' } })).toEqual({ changed: [], done: false });
    const done = t.apply({ type: 'state', data: { phase: 'running' } });
    expect(done.done).toBe(true);
    expect(done.changed.map((c) => c.key)).toEqual(['a', 'b']);
    expect(new DeployTracker(['a']).apply({ type: 'state', data: { phase: 'failed', reason: 'no capacity' } }).failed).toBe('no capacity');
  });
});
