import { RESOURCE_STATES } from '@accords/model';
import { describe, expect, it } from 'vitest';
import { actionsForKind, actionTargetState, isTransitional, normalizeAction, READY_STATE, STATES_BY_KIND } from './actions';

describe('actions', () => {
  it('normalises the shorthand and keeps the mode', () => {
    expect(normalizeAction('stop')).toEqual({ name: 'stop', mode: 'graceful' });
    expect(normalizeAction({ name: 'save', mode: 'force', imageName: 'snap' })).toEqual({ name: 'save', mode: 'force', imageName: 'snap' });
  });

  it('refuses unknown names, modes and image names as invalid', () => {
    for (const bad of ['explode', null, 42, { name: 'reboot' }, { name: 'stop', mode: 'hard' }, { name: 'save', imageName: '' }]) {
      expect(() => normalizeAction(bad as never), JSON.stringify(bad)).toThrow(expect.objectContaining({ kind: 'invalid' }));
    }
  });

  it('maps every action of a kind to a state of that kind', () => {
    for (const kind of ['compute', 'storage', 'network'] as const) {
      for (const a of actionsForKind(kind)) expect(STATES_BY_KIND[kind]).toContain(actionTargetState(kind, a));
      expect(STATES_BY_KIND[kind]).toContain(READY_STATE[kind]);
    }
    expect(actionTargetState('network', 'suspend')).toBeUndefined();
    expect(isTransitional('pending')).toBe(true);
    expect(isTransitional('active')).toBe(false);
  });

  it('knows the same states as @accords/model', () => {
    expect(STATES_BY_KIND).toEqual(RESOURCE_STATES);
  });
});
