import { describe, expect, it } from 'vitest';
import type { ConnectorCapabilities } from './connector';
import { checkResourceSpec } from './spec-check';

const caps: ConnectorCapabilities = { resourceKinds: ['compute', 'storage', 'network'], actions: {}, resize: false, usage: false, images: false, asyncProvisioning: false };
const good = { kind: 'compute', idempotencyKey: 'key-00001', regionId: 'r1', offerId: 'o1', name: 'web' };

describe('checkResourceSpec', () => {
  it('accepts valid specs of each kind', () => {
    expect(checkResourceSpec(good, caps)).toBe(good);
    expect(checkResourceSpec({ kind: 'storage', idempotencyKey: 'key-00002', regionId: 'r1', name: 'vol', sizeGiB: 10 }, caps).kind).toBe('storage');
    expect(checkResourceSpec({ kind: 'network', idempotencyKey: 'key-00003', regionId: 'r1', name: 'net', cidr: '10.0.0.0/24' }, caps).kind).toBe('network');
  });

  it.each([
    [{ ...good, idempotencyKey: 'short' }, '/idempotencyKey'],
    [{ ...good, idempotencyKey: 'has space in it' }, '/idempotencyKey'],
    [{ ...good, regionId: '' }, '/regionId'],
    [{ ...good, name: '' }, '/name'],
    [{ ...good, offerId: undefined }, '/offerId'],
    [{ ...good, kind: 'vm' }, '/kind'],
    [{ ...good, labels: { tier: 3 } }, '/labels/tier'],
    [{ ...good, labels: { 'a/b': 3 } }, '/labels/a~1b'],
    [{ kind: 'storage', idempotencyKey: 'key-00002', regionId: 'r1', name: 'vol', sizeGiB: 0 }, '/sizeGiB'],
    [{ kind: 'network', idempotencyKey: 'key-00003', regionId: 'r1', name: 'net', cidr: '10.0.0.0/33' }, '/cidr'],
    [null, ''],
  ])('refuses %j at %s', (spec, pointer) => {
    expect(() => checkResourceSpec(spec, caps)).toThrow(expect.objectContaining({ kind: 'invalid', location: expect.objectContaining({ pointer }) }));
  });

  it('refuses undeclared kinds as unsupported', () => {
    expect(() => checkResourceSpec(good, { ...caps, resourceKinds: ['storage'] })).toThrow(expect.objectContaining({ kind: 'unsupported' }));
  });
});
