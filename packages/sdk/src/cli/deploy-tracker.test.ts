import { describe, expect, it } from 'vitest';
import { DeployTracker } from './deploy-tracker';

const resource = (node: string, id: string, state: string, extra = {}) => ({ type: 'state', data: { resource: id, node, kind: 'compute', state, ...extra } });

describe('DeployTracker', () => {
  it('moves one bar per node from its resources, and ends when the service runs', () => {
    const t = new DeployTracker([{ node: 'web', instances: 2 }, { node: 'db', instances: 1 }]);
    expect(t.all).toEqual([{ key: 'web', state: 'planned', progress: 0 }, { key: 'db', state: 'planned', progress: 0 }]);
    expect(t.apply(resource('web', 'r1', 'provisioning')).changed).toEqual([{ key: 'web', state: 'planned', progress: 0.2 }]);
    expect(t.apply(resource('web', 'r2', 'provisioning')).changed).toEqual([{ key: 'web', state: 'provisioning', progress: 0.4 }]);
    expect(t.apply(resource('web', 'r1', 'running')).changed).toEqual([{ key: 'web', state: '1/2 running', progress: 0.7 }]);
    expect(t.apply({ type: 'job', data: { job: 'j', state: 'done' } })).toEqual({ changed: [], done: false });
    expect(t.apply(resource('web', 'r2', 'running')).done).toBe(false);
    const end = t.apply({ type: 'state', data: { agreement: 'a', state: 'accepted', phase: 'running' } });
    expect(end.done).toBe(true);
    expect(t.all.every((n) => n.state === 'running' && n.progress === 1)).toBe(true);
  });

  it("gives the manifest's networks rows of their own", () => {
    const t = new DeployTracker([{ node: 'web', instances: 1 }]);
    expect(t.apply({ type: 'state', data: { resource: 'n1', node: 'front', kind: 'network', state: 'running' } }).changed).toEqual([{ key: 'front (network)', state: 'running', progress: 1 }]);
  });

  it('fails on a failed resource, with the error message', () => {
    const t = new DeployTracker([{ node: 'db', instances: 1 }]);
    const update = t.apply(resource('db', 'r9', 'failed', { error: { code: 'capacity', message: 'no capacity left in fr-par' } }));
    expect(update.failed).toBe('db failed: no capacity left in fr-par');
    expect(update.changed).toEqual([{ key: 'db', state: 'failed', progress: 0, message: 'no capacity left in fr-par' }]);
  });

  it('fails when the service fails or ends', () => {
    expect(new DeployTracker([]).apply({ type: 'state', data: { agreement: 'a', phase: 'failed', reason: 'compensated' } }).failed).toBe('compensated');
    expect(new DeployTracker([]).apply({ type: 'state', data: { agreement: 'a', state: 'terminated', phase: 'releasing' } }).failed).toBe('the service is terminated');
    expect(new DeployTracker([]).apply({ type: 'state', data: { agreement: 'a', state: 'accepted', phase: 'provisioning' } })).toEqual({ changed: [], done: false });
  });
});
