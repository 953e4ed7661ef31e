import { describe, expect, it } from 'vitest';
import { isConnectorError } from '@accords/connector-kit';
import { validateOpenStackConfig } from './config';
import { createOpenStackConnector } from './connector';
import { formatRef, parseRef, resourceName } from './ids';

const good = {
  providerId: 'os',
  authUrl: 'https://keystone.example.org:5000/v3',
  credentials: { kind: 'application_credential', id: 'abc', secret: 'env:OS_APP_SECRET' },
  regions: { RegionOne: { country: 'FR', coordinates: { lat: 48.8, lon: 2.3 }, timeZone: 'Europe/Paris' } },
  pricing: { currency: 'EUR', coreHour: 0.02, memoryGiBHour: 0.01 },
};

describe('OpenStack configuration', () => {
  it('accepts a valid configuration', () => {
    expect(validateOpenStackConfig(good)).toEqual({ ok: true, value: good });
  });

  it('refuses secrets written in clear and names every wrong field', () => {
    const r = validateOpenStackConfig({
      ...good,
      authUrl: 'keystone',
      credentials: { kind: 'password', username: 'admin', password: 'hunter2' },
      regions: { RegionOne: { country: 'fr', coordinates: { lat: 0 }, timeZone: 'UTC' } },
      pricing: { currency: 'EUR' },
      pricng: {},
    });
    expect(!r.ok && r.issues.map((i) => i.pointer)).toEqual([
      '/pricng',
      '/authUrl',
      '/credentials/projectName',
      '/credentials/password',
      '/regions/RegionOne/country',
      '/regions/RegionOne/coordinates',
      '/pricing',
    ]);
    expect(!r.ok && r.issues.find((i) => i.pointer === '/credentials/password')?.message).toMatch(/never the secret itself/);
  });

  it('throws an invalid ConnectorError from the factory', () => {
    let caught: unknown;
    try {
      createOpenStackConnector({ ...good, regions: {} });
    } catch (e) {
      caught = e;
    }
    expect(isConnectorError(caught) && caught.kind).toBe('invalid');
    expect(isConnectorError(caught) && caught.location).toEqual({ pointer: '/regions', attribute: 'regions' });
  });
});

describe('OpenStack resource ids and names', () => {
  it('round-trips ids and refuses others', () => {
    const ref = { kind: 'compute' as const, region: 'os:RegionOne', uuid: '32bbb0f5-183d-4d34-b0b7-2be75367c1a8' };
    expect(parseRef(formatRef(ref))).toEqual(ref);
    expect(parseRef(formatRef({ ...ref, kind: 'network' }))).toEqual({ ...ref, kind: 'network' });
    for (const bad of ['', 'server/x', 'volume/r/32bbb0f5-183d-4d34-b0b7-2be75367c1a8', crypto.randomUUID()]) expect(parseRef(bad), bad).toBeUndefined();
  });

  it('names servers from the user name and the key hash', () => {
    expect(resourceName({ name: 'Web Front #1', key: 'key-00000001' })).toMatch(/^web-front-1-[0-9a-f]{10}$/);
    expect(resourceName({ name: 'x', key: 'a' })).not.toBe(resourceName({ name: 'x', key: 'b' }));
  });
});
