import { describe, expect, it } from 'vitest';
import { planAction } from './transitions';

const a = (name: 'start' | 'stop' | 'restart' | 'suspend' | 'resume' | 'save' | 'up' | 'online') => ({ name, mode: 'graceful' as const });

describe('planAction', () => {
  it('follows the OCCI compute state machine', () => {
    expect(planAction('compute', 'active', a('stop'))).toEqual({ kind: 'transition', target: 'inactive' });
    expect(planAction('compute', 'inactive', a('start'))).toEqual({ kind: 'transition', target: 'active' });
    expect(planAction('compute', 'active', a('suspend'))).toEqual({ kind: 'transition', target: 'suspended' });
    expect(planAction('compute', 'suspended', a('resume'))).toEqual({ kind: 'transition', target: 'active' });
    expect(planAction('compute', 'active', a('restart'))).toEqual({ kind: 'transition', target: 'active' });
    expect(planAction('compute', 'error', a('start'))).toEqual({ kind: 'transition', target: 'active' });
  });

  it('is a no-op when already there, and refuses what the state forbids', () => {
    expect(planAction('compute', 'inactive', a('stop'))).toEqual({ kind: 'noop' });
    expect(planAction('storage', 'online', a('online'))).toEqual({ kind: 'noop' });
    expect(() => planAction('compute', 'inactive', a('suspend'))).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() => planAction('compute', 'inactive', a('restart'))).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(() => planAction('compute', 'active', a('up'))).toThrow(expect.objectContaining({ kind: 'invalid' }));
  });
});
