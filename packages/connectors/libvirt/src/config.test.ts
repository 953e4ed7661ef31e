import { describe, expect, it } from 'vitest';
import { isConnectorError } from '@accords/connector-kit';
import { configuredKinds, validateLibvirtConfig } from './config';
import { createLibvirtConnector } from './connector';

const good = {
  providerId: 'lab',
  uri: 'qemu:///system',
  site: { country: 'FR', coordinates: { lat: 48.8, lon: 2.3 }, timeZone: 'Europe/Paris' },
  pricing: { currency: 'EUR', coreHour: 0.01, memoryGiBHour: 0.005 },
};

describe('libvirt configuration', () => {
  it('accepts a minimal configuration', () => {
    expect(validateLibvirtConfig(good)).toEqual({ ok: true, value: good });
  });

  it('names every wrong field by its JSON pointer', () => {
    const r = validateLibvirtConfig({
      ...good,
      providerId: 'has space',
      uri: 'nope',
      site: { country: 'France', coordinates: { lat: 95, lon: 0 }, timeZone: 'Europe/Paris', renewableShare: 2 },
      pricing: { currency: 'EUR', coreHour: -1 },
      shapes: [{ id: 'x', cores: 0, memoryGiB: 1 }],
      images: [{ id: 'i', name: 'no source' }, { id: 'j', name: 'vol', volume: 'base.qcow2' }],
      pol: 'default',
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.pointer)).toEqual([
      '/pol',
      '/providerId',
      '/uri',
      '/site/country',
      '/site/coordinates',
      '/site/renewableShare',
      '/pricing/coreHour',
      '/pricing/memoryGiBHour',
      '/shapes/0/cores',
      '/images/0',
      '/images/1/volume',
    ]);
  });

  it('refuses a bad configuration at construction with an invalid ConnectorError', () => {
    let caught: unknown;
    try {
      createLibvirtConnector({ ...good, pricing: undefined });
    } catch (e) {
      caught = e;
    }
    expect(isConnectorError(caught) && caught.kind).toBe('invalid');
    expect((caught as Error).message).toContain('/pricing is required');
  });

  it('offers storage only with a pool, and networks except on session URIs', () => {
    expect(configuredKinds({ ...good })).toEqual(['compute', 'network']);
    expect(configuredKinds({ ...good, pool: 'default' })).toEqual(['compute', 'storage', 'network']);
    expect(configuredKinds({ ...good, uri: 'qemu:///session' })).toEqual(['compute']);
    expect(configuredKinds({ ...good, uri: 'qemu:///session', networks: true })).toEqual(['compute', 'network']);
  });
});
