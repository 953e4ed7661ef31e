import { describe, expect, it } from 'vitest';
import { ACTION, KIND, MIXIN, OCCI_COMPUTE_ACTION, OCCI_STORAGE_ACTION } from './schemes';
import { createStandardModel } from './standard-model';

const model = createStandardModel();

describe('the standard categories', () => {
  it('follow Infrastructure 1.2: speed and storage backup/snapshot/resize are gone; share, save, ssh_key and user_data are there', () => {
    const compute = model.attributesOf({ kind: KIND.compute, mixins: [] });
    expect(compute.has('occi.compute.speed')).toBe(false);
    expect(compute.get('occi.compute.share')?.type).toBe('integer');
    expect(compute.get('occi.compute.state')?.enum).toEqual(['active', 'inactive', 'suspended', 'error']);
    expect(model.getKind(KIND.compute)?.actions).toEqual(['start', 'stop', 'restart', 'suspend', 'save'].map((t) => OCCI_COMPUTE_ACTION + t));
    expect(model.getKind(KIND.storage)?.actions).toEqual([OCCI_STORAGE_ACTION + 'online', OCCI_STORAGE_ACTION + 'offline']);
    for (const gone of ['backup', 'snapshot', 'resize']) expect(model.getAction(OCCI_STORAGE_ACTION + gone)).toBeUndefined();
    expect(model.getAction(ACTION.compute.save)?.attributes.get('method')?.enum).toEqual(['hot', 'deferred']);
    expect(model.getMixin(MIXIN.sshKey)?.attributes.get('occi.credentials.ssh.publickey')?.required).toBe(true);
    expect(model.getMixin(MIXIN.userData)?.attributes.has('occi.compute.userdata')).toBe(true);
    expect(model.attributesOf({ kind: KIND.network, mixins: [MIXIN.ipnetwork] }).get('occi.network.allocation')?.enum).toEqual(['dynamic', 'static']);
    expect(model.attributesOf({ kind: KIND.networkinterface, mixins: [MIXIN.ipnetworkinterface] }).get('occi.networkinterface.address')?.required).toBe(true);
    expect(model.getKind(KIND.storagelink)?.attributes.get('occi.storagelink.deviceid')?.required).toBe(true);
  });

  it('have SLA, Monitoring and Platform categories', () => {
    expect(model.getKind(KIND.agreement)?.actions).toHaveLength(5);
    expect(model.getKind(KIND.agreementLink)?.parent).toBe(KIND.link);
    expect(model.getMixin(MIXIN.agreementTpl)?.applies).toEqual([KIND.agreement]);
    expect(model.getKind(KIND.sensor)?.attributes.get('occi.sensor.period')?.required).toBe(true);
    expect(model.getKind(KIND.collector)?.parent).toBe(KIND.link);
    expect(model.getMixin(MIXIN.metric)?.applies).toEqual([KIND.collector]);
    expect(model.getMixin(MIXIN.publisher)?.applies).toEqual([KIND.sensor]);
    expect(model.getKind(KIND.application)?.actions).toEqual([ACTION.application.start, ACTION.application.stop]);
    expect(model.getKind(KIND.componentlink)?.parent).toBe(KIND.link);
    expect(model.getMixin(MIXIN.databaselink)?.applies).toEqual([KIND.componentlink]);
  });

  it('bind every instantiable kind to a location, and never core#entity', () => {
    for (const kind of model.kinds()) {
      if (kind.id === KIND.entity) expect(kind.location).toBeUndefined();
      else expect(kind.location, kind.id).toMatch(/^\/[a-z_]+\/$/);
    }
    for (const mixin of model.mixins()) expect(mixin.location, mixin.id).toMatch(/^\/.*\/$/);
  });

  it('reference only registered categories', () => {
    for (const kind of model.kinds()) {
      if (kind.parent) expect(model.getKind(kind.parent), kind.parent).toBeDefined();
      for (const a of kind.actions) expect(model.getAction(a), a).toBeDefined();
    }
    for (const mixin of model.mixins()) {
      for (const k of mixin.applies) expect(model.getKind(k), k).toBeDefined();
      for (const d of mixin.depends) expect(model.getMixin(d), d).toBeDefined();
    }
  });
});
