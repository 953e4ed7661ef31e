import fc from 'fast-check';
import { STATES_BY_KIND } from '@accords/connector-kit';
import { describe, expect, it } from 'vitest';
import { stateOf } from './states';

describe('stateOf', () => {
  it('keeps the OCCI states of each kind', () => {
    expect(stateOf('compute', 'active')).toBe('active');
    expect(stateOf('compute', 'SUSPENDED')).toBe('suspended');
    expect(stateOf('storage', 'online')).toBe('online');
    expect(stateOf('storage', 'degraded')).toBe('degraded');
    expect(stateOf('network', 'inactive')).toBe('inactive');
  });

  it('does not carry a state of another kind over', () => {
    expect(stateOf('network', 'suspended')).toBe('pending');
    expect(stateOf('compute', 'online')).toBe('pending');
  });

  it('maps failures to error and unknown words or no state to pending', () => {
    expect(stateOf('compute', 'failed')).toBe('error');
    expect(stateOf('compute', 'booting')).toBe('pending');
    expect(stateOf('storage', undefined)).toBe('pending');
    expect(stateOf('storage', 3)).toBe('pending');
  });

  it('always answers a state the kind may report', () => {
    fc.assert(
      fc.property(fc.constantFrom('compute', 'storage', 'network' as const), fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)), (kind, value) => {
        expect(STATES_BY_KIND[kind] as readonly string[]).toContain(stateOf(kind, value));
      }),
    );
  });
});
