import { describe, expect, it } from 'vitest';
import type { OpenStackConnectorConfig } from './config';
import { buildOffers, buildRegion, flavorIdOf, flavorPrice, quotaRoom } from './offers';
import type { NovaFlavor } from './nova';
import { usageReadings } from './usage';

const config: OpenStackConnectorConfig = {
  providerId: 'os',
  authUrl: 'http://k/v3',
  credentials: { kind: 'password', username: 'u', projectName: 'p', password: 'env:X' },
  regions: { RegionOne: { country: 'FR', coordinates: { lat: 48.8, lon: 2.3 }, timeZone: 'Europe/Paris', pue: 1.2 } },
  pricing: { currency: 'EUR', coreHour: 0.02, memoryGiBHour: 0.01, flavors: { 'm1.special': 1.5 } },
};
const flavor = (id: string, name: string, vcpus: number, ram: number, extra: Partial<NovaFlavor> = {}): NovaFlavor => ({ id, name, vcpus, ram, disk: 10, ...extra });

describe('offers from flavours', () => {
  it('prices from the list first, else by formula', () => {
    expect(flavorPrice(flavor('1', 'm1.special', 8, 16384), config.pricing)).toBe(1.5);
    expect(flavorPrice(flavor('2', 'm1.small', 2, 2048), config.pricing)).toBe(0.06);
    expect(flavorPrice(flavor('3', 'x', 1, 1024), { currency: 'EUR', flavors: {} })).toBeUndefined();
  });

  it('works out the room left in the quota (negative maxima are unlimited)', () => {
    expect(quotaRoom({ maxTotalInstances: 10, totalInstancesUsed: 3, maxTotalCores: 20, totalCoresUsed: 4, maxTotalRAMSize: 51200, totalRAMUsed: 2048 })).toEqual({ instances: 7, cores: 16, ramMiB: 49152 });
    expect(quotaRoom({ maxTotalInstances: -1, maxTotalCores: 5, totalCoresUsed: 9, maxTotalRAMSize: -1 })).toEqual({ instances: Number.MAX_SAFE_INTEGER, cores: 0, ramMiB: Number.MAX_SAFE_INTEGER });
  });

  it('turns priced, enabled flavours into offers with their capacity', () => {
    const offers = buildOffers({
      config,
      regionId: 'os:RegionOne',
      flavors: [flavor('f1', 'm1.small', 2, 2048), flavor('f2', 'm1.off', 1, 512, { 'OS-FLV-DISABLED:disabled': true }), flavor('f3', 'm1.special', 8, 16384)],
      room: { instances: 7, cores: 16, ramMiB: 20480 },
      asOf: '2026-01-01T00:00:00Z',
    });
    expect(offers.map((o) => [o.id, o.instanceType, o.vcpu, o.memoryGiB, o.pricePerHour, o.capacity])).toEqual([
      ['os:RegionOne.f1', 'm1.small', 2, 2, 0.06, 7],
      ['os:RegionOne.f3', 'm1.special', 8, 16, 1.5, 1],
    ]);
    expect(flavorIdOf(offers[0]!)).toBe('f1');
    expect(offers[0]).toMatchObject({ providerId: 'os', regionId: 'os:RegionOne', architecture: 'x86_64', market: 'on-demand', gpus: 0, currency: 'EUR', asOf: '2026-01-01T00:00:00Z' });
  });

  it('describes a region with the configured site facts', () => {
    expect(buildRegion(config, 'RegionOne')).toEqual({
      id: 'os:RegionOne',
      providerId: 'os',
      name: 'RegionOne',
      country: 'FR',
      coordinates: { lat: 48.8, lon: 2.3 },
      timeZone: 'Europe/Paris',
      pue: 1.2,
      renewableShare: 0,
      heatReuse: 0,
      zone: 'FR',
    });
  });

  it("reads Nova's usage of Accords servers as running seconds", () => {
    const usage = (id: string, name: string, hours: number) => ({ instance_id: id, name, hours, flavor: 'm1.small', vcpus: 2, memory_mb: 2048, local_gb: 10, started_at: '', ended_at: null, state: 'active' });
    const id1 = '11111111-1111-1111-1111-111111111111';
    const readings = usageReadings({
      providerId: 'os',
      region: 'os:RegionOne',
      query: { start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z' },
      usages: [usage(id1, 'web-0123456789', 1.5), usage('22222222-2222-2222-2222-222222222222', 'not-ours', 3)],
    });
    expect(readings).toEqual([{ resourceId: `server/os%3ARegionOne/${id1}`, providerId: 'os', start: '2026-01-01T00:00:00Z', end: '2026-01-02T00:00:00Z', runningSeconds: 5400, cpuSeconds: 10800 }]);
  });
});
