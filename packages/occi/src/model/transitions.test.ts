import { describe, expect, it } from 'vitest';
import { ACTION, KIND, MIXIN } from '../standard/schemes';
import { createStandardModel } from '../standard/standard-model';
import { STANDARD_STATE_MACHINES } from '../standard/state-machines';
import type { EntityData } from './entity';
import { Mixin } from './category';
import { applicableActions, transition } from './transitions';

const model = createStandardModel();
const entity = (kind: string, attributes: EntityData['attributes'] = {}): EntityData => ({ id: 'e', kind, mixins: [], attributes });

describe('state machines', () => {
  it.each([
    [KIND.compute, 'occi.compute.state', 'inactive', ACTION.compute.start, 'active'],
    [KIND.compute, 'occi.compute.state', 'active', ACTION.compute.stop, 'inactive'],
    [KIND.compute, 'occi.compute.state', 'active', ACTION.compute.restart, 'active'],
    [KIND.compute, 'occi.compute.state', 'active', ACTION.compute.suspend, 'suspended'],
    [KIND.compute, 'occi.compute.state', 'suspended', ACTION.compute.start, 'active'],
    [KIND.compute, 'occi.compute.state', 'active', ACTION.compute.save, 'active'],
    [KIND.storage, 'occi.storage.state', 'offline', ACTION.storage.online, 'online'],
    [KIND.storage, 'occi.storage.state', 'online', ACTION.storage.offline, 'offline'],
    [KIND.network, 'occi.network.state', 'inactive', ACTION.network.up, 'active'],
    [KIND.network, 'occi.network.state', 'active', ACTION.network.down, 'inactive'],
    [KIND.agreement, 'occi.agreement.state', 'pending', ACTION.agreement.accept, 'accepted'],
    [KIND.agreement, 'occi.agreement.state', 'pending', ACTION.agreement.reject, 'rejected'],
    [KIND.agreement, 'occi.agreement.state', 'accepted', ACTION.agreement.suspend, 'suspended'],
    [KIND.agreement, 'occi.agreement.state', 'suspended', ACTION.agreement.resume, 'accepted'],
    [KIND.agreement, 'occi.agreement.state', 'suspended', ACTION.agreement.terminate, 'terminated'],
    [KIND.application, 'occi.app.state', 'inactive', ACTION.application.start, 'active'],
    [KIND.component, 'occi.component.state', 'active', ACTION.component.stop, 'inactive'],
  ])('%s in %s=%s: %s leads to %s', (kind, attribute, from, action, to) => {
    const e = entity(kind, { [attribute]: from });
    expect(applicableActions(model, e)).toContain(action);
    const r = transition(model, e, action);
    expect(r).toEqual({ ok: true, value: { action, attribute, from, to, attributes: { [attribute]: to } } });
  });

  it('refuses an action that is not legal in the current state with invalid_state', () => {
    const r = transition(model, entity(KIND.compute, { 'occi.compute.state': 'inactive' }), ACTION.compute.suspend);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({ code: 'invalid_state', location: { attribute: 'occi.compute.state' } });
    expect(!r.ok && r.issues[0]!.message).toContain('legal in: active');
    expect(transition(model, entity(KIND.agreement, { 'occi.agreement.state': 'terminated' }), ACTION.agreement.accept).ok).toBe(false);
    expect(applicableActions(model, entity(KIND.agreement, { 'occi.agreement.state': 'terminated' }))).toEqual([]);
  });

  it('uses the initial state when the attribute is absent, and refuses actions a kind does not offer', () => {
    expect(applicableActions(model, entity(KIND.compute))).toEqual([ACTION.compute.start, ACTION.compute.save]);
    expect(applicableActions(model, entity(KIND.storage))).toEqual([ACTION.storage.online]);
    const r = transition(model, entity(KIND.storage), ACTION.compute.start);
    expect(!r.ok && r.issues[0]!.code).toBe('invalid_action');
  });

  it('lets mixin actions through (the kind machine does not govern them)', () => {
    const m = model.clone();
    m.register(new Mixin({ scheme: 'http://x.org/ops#', term: 'backup', applies: [KIND.compute], actions: ['http://x.org/ops/action#backup'] }));
    m.registerAll({ actions: [{ scheme: 'http://x.org/ops/action#', term: 'backup' }] });
    const e: EntityData = { id: 'e', kind: KIND.compute, mixins: ['http://x.org/ops#backup', MIXIN.osTpl], attributes: { 'occi.compute.state': 'suspended' } };
    expect(applicableActions(m, e)).toEqual([ACTION.compute.start, ACTION.compute.stop, 'http://x.org/ops/action#backup']);
    expect(transition(m, e, 'http://x.org/ops/action#backup')).toEqual({ ok: true, value: { action: 'http://x.org/ops/action#backup', attributes: {} } });
  });

  it('every transition names an action its kind offers and states of its state enum', () => {
    for (const machine of STANDARD_STATE_MACHINES) {
      const kind = model.getKind(machine.kind)!;
      const states = model.attributesOf({ kind: kind.id, mixins: [] }).get(machine.attribute)?.enum ?? [];
      expect(states).toContain(machine.initial);
      for (const t of machine.transitions) {
        expect(kind.actions).toContain(t.action);
        expect(states).toContain(t.to);
        for (const f of t.from) expect(states).toContain(f);
      }
    }
  });
});
