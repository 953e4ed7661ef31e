import { describe, expect, it } from 'vitest';
import { planAction } from './actions';

describe('planAction', () => {
  it('asks OCCI start for a resume of a suspended compute', () => {
    expect(planAction({ kind: 'compute', state: 'suspended', action: { name: 'resume', mode: 'graceful' }, declared: [] })).toEqual({ term: 'start', attributes: {}, target: 'active', noop: false });
  });

  it('refuses a resume of a stopped compute as a conflict', () => {
    expect(() => planAction({ kind: 'compute', state: 'inactive', action: { name: 'resume', mode: 'graceful' }, declared: [] })).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });

  it('turns force into the OCCI method the remote declares', () => {
    expect(planAction({ kind: 'compute', state: 'active', action: { name: 'stop', mode: 'force' }, declared: ['method'] }).attributes).toEqual({ method: 'poweroff' });
    expect(planAction({ kind: 'compute', state: 'active', action: { name: 'restart', mode: 'force' }, declared: ['method'] }).attributes).toEqual({ method: 'cold' });
    expect(planAction({ kind: 'compute', state: 'active', action: { name: 'stop', mode: 'force' }, declared: [] }).attributes).toEqual({});
    expect(planAction({ kind: 'compute', state: 'active', action: { name: 'save', mode: 'graceful', imageName: 'snap-1' }, declared: ['method', 'name'] }).attributes).toEqual({ name: 'snap-1' });
  });

  it('does nothing for a repeated state change, but always restarts', () => {
    expect(planAction({ kind: 'storage', state: 'online', action: { name: 'online', mode: 'graceful' }, declared: [] }).noop).toBe(true);
    expect(planAction({ kind: 'compute', state: 'active', action: { name: 'restart', mode: 'graceful' }, declared: [] }).noop).toBe(false);
  });

  it('refuses an action of another kind as invalid', () => {
    expect(() => planAction({ kind: 'network', state: 'active', action: { name: 'online', mode: 'graceful' }, declared: [] })).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });
});
