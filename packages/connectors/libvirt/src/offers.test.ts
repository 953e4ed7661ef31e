import { describe, expect, it } from 'vitest';
import { buildOffers, buildRegion } from './offers';
import { parseDomainTypes, parseNodeInfo } from './libvirt-client';

const config = {
  providerId: 'lab',
  uri: 'qemu:///system',
  site: { country: 'FR', coordinates: { lat: 48.8, lon: 2.3 }, timeZone: 'Europe/Paris' },
  pricing: { currency: 'EUR', coreHour: 0.01, memoryGiBHour: 0.005 },
};

describe('offers from the host', () => {
  it('keeps the shapes that fit, priced by formula, with the room left as capacity', () => {
    const offers = buildOffers(config, { node: { cpus: 4, memoryMiB: 8192, cpuModel: 'x86_64' }, load: { usedCores: 1, usedMemoryMiB: 2048 }, asOf: '2026-01-01T00:00:00Z' });
    expect(offers.map((o) => [o.id, o.vcpu, o.memoryGiB, o.pricePerHour, o.capacity])).toEqual([
      ['lab.small', 1, 1, 0.015, 3],
      ['lab.medium', 2, 2, 0.03, 1],
      ['lab.large', 4, 8, 0.08, 0],
    ]);
    expect(offers[0]).toMatchObject({ providerId: 'lab', regionId: 'lab:local', architecture: 'x86_64', market: 'on-demand', currency: 'EUR', gpus: 0, availability: 99, asOf: '2026-01-01T00:00:00Z' });
  });

  it('drops shapes larger than the host and counts overcommitted CPUs', () => {
    const offers = buildOffers({ ...config, cpuOvercommit: 4 }, { node: { cpus: 2, memoryMiB: 4096, cpuModel: '' }, load: { usedCores: 0, usedMemoryMiB: 0 }, asOf: 'x' });
    expect(offers.map((o) => [o.id, o.capacity])).toEqual([
      ['lab.small', 4],
      ['lab.medium', 2],
    ]);
  });

  it('describes the host as a region with its site facts and defaults', () => {
    expect(buildRegion(config)).toEqual({
      id: 'lab:local',
      providerId: 'lab',
      name: 'lab (libvirt)',
      country: 'FR',
      coordinates: { lat: 48.8, lon: 2.3 },
      timeZone: 'Europe/Paris',
      pue: 1.58,
      renewableShare: 0,
      heatReuse: 0,
      zone: 'FR',
    });
  });

  it('reads nodeinfo and the hypervisor types of the capabilities', () => {
    expect(parseNodeInfo('CPU model:           x86_64\nCPU(s):              2\nMemory size:         7432408 KiB\n')).toEqual({ cpus: 2, memoryMiB: 7258, cpuModel: 'x86_64' });
    const caps = `<capabilities><guest><os_type>hvm</os_type><arch name='x86_64'><domain type='qemu'/><domain type='kvm'/></arch></guest><guest><arch name='i686'><domain type='qemu'/></arch></guest></capabilities>`;
    expect(parseDomainTypes(caps, 'x86_64')).toEqual(['qemu', 'kvm']);
    expect(parseDomainTypes(caps, 'aarch64')).toEqual([]);
    expect(parseDomainTypes(caps, '*')).toEqual(['qemu', 'kvm']);
  });
});
