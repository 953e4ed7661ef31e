import { createManualClock } from '@accords/connector-kit';
import type { ComputeSpec } from '@accords/connector-kit';
import { describe, expect, it } from 'vitest';
import { createSimConnector } from './sim-connector';
import { createSimFleet } from './sim-fleet';

const vm = (i: number, over: Partial<ComputeSpec> = {}): ComputeSpec => ({
  kind: 'compute', idempotencyKey: `sim-test-${i}`, regionId: 'aurora-fr-par', offerId: 'aurora-fr-par:b.2x', name: `vm-${i}`, ...over,
});

describe('createSimConnector: catalogue', () => {
  it('serves the provider\'s regions and offers from the demo catalogue', async () => {
    const sim = createSimConnector({ providerId: 'aurora', clock: createManualClock() });
    const regions = await sim.regions();
    expect(regions.map((r) => r.id)).toEqual(['aurora-fr-par', 'aurora-de-fra', 'aurora-nl-ams', 'aurora-pl-waw', 'aurora-es-mad']);
    const { offers } = await sim.offers();
    expect(offers.length).toBeGreaterThan(20);
    expect(offers.every((o) => o.providerId === 'aurora')).toBe(true);
    expect(offers.map((o) => o.id)).toContain('aurora-fr-par:b.2x');
  });

  it('shows filtered images: newest build per distribution, no release candidates', async () => {
    const sim = createSimConnector({ clock: createManualClock() });
    const names = (await sim.images()).map((i) => i.id);
    expect(names).toContain('img-ubuntu-2404-a');
    expect(names).not.toContain('img-ubuntu-2404-b');
    expect(names).not.toContain('img-debian-13-rc');
    await expect(sim.create(vm(1, { regionId: 'nimbus-us-east', offerId: 'nimbus-us-east:gp.2x', image: 'img-nope' }))).rejects.toMatchObject({ kind: 'invalid', location: { pointer: '/image' } });
  });

  it('serves offers from a background cache: the snapshot changes only when it refreshes', async () => {
    const clock = createManualClock();
    const sim = createSimConnector({ providerId: 'aurora', clock, offerRefreshMs: 600_000 });
    const before = await sim.offers();
    await sim.create(vm(1));
    const again = await sim.offers();
    expect(again.asOf).toBe(before.asOf);
    const cap = (c: typeof before) => c.offers.find((o) => o.id === 'aurora-fr-par:b.2x')!.capacity;
    expect(cap(again)).toBe(cap(before));
    await clock.advance(600_000);
    const later = await sim.offers();
    expect(Date.parse(later.asOf) - Date.parse(before.asOf)).toBe(600_000);
    expect(cap(later)).toBe(cap(before) - 1);
    await sim.close();
  });

  it('runs on the system clock by default', async () => {
    const sim = createSimConnector();
    expect(sim.providerId).toBe('nimbus');
    const made = await sim.create({ kind: 'network', idempotencyKey: 'default-clock-1', regionId: 'nimbus-us-east', name: 'net', cidr: '10.9.0.0/16' });
    expect(made).toMatchObject({ state: 'active', attributes: { 'occi.network.address': '10.9.0.0/16' } });
    expect(Number.isNaN(Date.parse((await sim.offers()).asOf))).toBe(false);
    await sim.close();
  });

  it('rejects bad options naming the attribute', () => {
    expect(() => createSimConnector({ faults: { errorRate: 1.5 } })).toThrow(expect.objectContaining({ kind: 'invalid', location: { attribute: 'faults.errorRate' } }));
    expect(() => createSimConnector({ faults: { errorRate: 0.6, throttleRate: 0.6 } })).toThrow(expect.objectContaining({ location: { attribute: 'faults' } }));
    expect(() => createSimConnector({ providerId: 'nobody' })).toThrow(expect.objectContaining({ location: { attribute: 'providerId' } }));
    expect(() => createSimConnector({ delays: { provisionMs: { compute: -1 } } })).toThrow(expect.objectContaining({ location: { attribute: 'delays.provisionMs.compute' } }));
    expect(() => createSimConnector({ seed: 1.5 })).toThrow(expect.objectContaining({ location: { attribute: 'seed' } }));
  });
});

describe('createSimConnector: virtual time', () => {
  it('provisions, acts and deletes after their delays, with no real waiting', async () => {
    const clock = createManualClock({ startMs: Date.UTC(2026, 0, 1) });
    const sim = createSimConnector({ providerId: 'aurora', clock, delays: { provisionMs: { compute: 30_000 }, actionMs: 10_000, deleteMs: 5_000 } });
    const made = await sim.create(vm(1));
    expect(made.state).toBe('pending');
    expect((await sim.create(vm(1))).id).toBe(made.id);
    await expect(sim.act(made.id, 'stop')).rejects.toMatchObject({ kind: 'conflict' });
    await clock.advance(29_999);
    expect((await sim.get(made.id)).state).toBe('pending');
    await clock.advance(1);
    expect((await sim.get(made.id)).state).toBe('active');
    expect((await sim.act(made.id, 'suspend')).state).toBe('pending');
    expect((await sim.act(made.id, 'suspend')).state).toBe('pending');
    await clock.advance(10_000);
    expect((await sim.get(made.id)).state).toBe('suspended');
    await sim.delete(made.id);
    expect((await sim.get(made.id)).state).toBe('pending');
    await sim.delete(made.id);
    await clock.advance(5_000);
    await expect(sim.get(made.id)).rejects.toMatchObject({ kind: 'not_found', status: 404 });
    expect(await sim.list()).toEqual([]);
    await expect(sim.create(vm(1))).rejects.toMatchObject({ kind: 'conflict' });
    await sim.close();
  });

  it('kills resources at the seeded death rate, and a start revives them', async () => {
    const clock = createManualClock({ startMs: 0 });
    const sim = createSimConnector({ providerId: 'aurora', clock, faults: { deathRatePerHour: 0.2 } });
    const made = await Promise.all(Array.from({ length: 40 }, (_, i) => sim.create(vm(i))));
    await clock.advance(3 * 3_600_000);
    const dead = (await sim.list()).filter((r) => r.state === 'error');
    // P(death within 3 h) = 1 − 0.8³ ≈ 0.49.
    expect(dead.length).toBeGreaterThan(8);
    expect(dead.length).toBeLessThan(32);
    expect(sim.stats().deaths).toBe(dead.length);
    expect((await sim.act(dead[0]!.id, 'start')).state).toBe('active');
    const alive = made.find((m) => !dead.some((d) => d.id === m.id))!;
    sim.kill(alive.id);
    expect((await sim.get(alive.id)).state).toBe('error');
    expect(sim.stats().deaths).toBe(dead.length + 1);
  });
});

describe('createSimConnector: capacity, quota, resize', () => {
  it('refuses beyond region capacity and frees capacity on delete', async () => {
    const sim = createSimConnector({ providerId: 'aurora', clock: createManualClock(), regionCapacity: { 'aurora-fr-par': 2 } });
    const a = await sim.create(vm(1));
    await sim.create(vm(2, { offerId: 'aurora-fr-par:b.4x' }));
    await expect(sim.create(vm(3))).rejects.toMatchObject({ kind: 'capacity', retryable: false, status: 503 });
    await sim.create(vm(4, { regionId: 'aurora-de-fra', offerId: 'aurora-de-fra:b.2x' }));
    await sim.delete(a.id);
    expect((await sim.create(vm(3))).state).toBe('active');
  });

  it('replaces per-offer capacity when asked', async () => {
    const sim = createSimConnector({ providerId: 'aurora', clock: createManualClock(), offerCapacity: { 'aurora-fr-par:b.2x': 1 }, offerRefreshMs: 1 });
    await sim.create(vm(1));
    await expect(sim.create(vm(2))).rejects.toMatchObject({ kind: 'capacity' });
    await sim.create(vm(3, { offerId: 'aurora-fr-par:b.4x' }));
    const roomy = createSimConnector({ providerId: 'aurora', clock: createManualClock(), offerCapacity: 5000 });
    expect((await roomy.offers()).offers.every((o) => o.capacity === 5000)).toBe(true);
    await Promise.all(Array.from({ length: 450 }, (_, i) => roomy.create(vm(i))));
    expect(roomy.stats().created).toBe(450);
  });

  it('enforces the account quota across regions', async () => {
    const sim = createSimConnector({ providerId: 'aurora', clock: createManualClock(), quota: { instances: 2 } });
    await sim.create(vm(1));
    await sim.create(vm(2, { regionId: 'aurora-de-fra', offerId: 'aurora-de-fra:b.2x' }));
    await expect(sim.create(vm(3))).rejects.toMatchObject({ kind: 'quota', status: 403 });
  });

  it('resizes to another offer of the region, keeping state and checking capacity', async () => {
    const clock = createManualClock();
    const sim = createSimConnector({ providerId: 'aurora', clock, delays: { actionMs: 1_000 }, quota: { vcpus: 10 } });
    const made = await sim.create(vm(1));
    await sim.act(made.id, 'stop');
    await clock.advance(1_000);
    const r = await sim.resize(made.id, 'aurora-fr-par:b.8x');
    expect(r).toMatchObject({ state: 'pending', offerId: 'aurora-fr-par:b.8x', attributes: { 'occi.compute.cores': 8 } });
    expect((await sim.resize(made.id, 'aurora-fr-par:b.8x')).state).toBe('pending');
    await clock.advance(1_000);
    expect((await sim.get(made.id)).state).toBe('inactive');
    await expect(sim.resize(made.id, 'aurora-fr-par:b.16x')).rejects.toMatchObject({ kind: 'quota' });
    await expect(sim.resize(made.id, 'aurora-de-fra:b.2x')).rejects.toMatchObject({ kind: 'invalid' });
  });
});

describe('createSimConnector: determinism', () => {
  const script = async (seed: number) => {
    const clock = createManualClock({ startMs: 0 });
    const sim = createSimConnector({ providerId: 'kumo', clock, seed, faults: { errorRate: 0.3, deathRatePerHour: 0.3 } });
    const log: string[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await sim.create({ kind: 'compute', idempotencyKey: `det-key-${i}`, regionId: 'kumo-sg-sin', offerId: 'kumo-sg-sin:s.2x', name: `n${i}` }).then(
        (x) => x.id,
        (e: { kind: string }) => `!${e.kind}`,
      );
      log.push(r);
      await clock.advance(600_000);
    }
    sim.setFaults({});
    log.push(...(await sim.list()).map((r) => `${r.id}:${r.state}`));
    return log;
  };

  it('replays identically for a seed and differently for another', async () => {
    const a = await script(123);
    expect(await script(123)).toEqual(a);
    expect(a.some((x) => x === '!transient')).toBe(true);
    expect(a.some((x) => x.endsWith(':error'))).toBe(true);
    expect(await script(124)).not.toEqual(a);
  });
});

describe('createSimFleet', () => {
  it('makes one connector per sim provider on a shared clock', async () => {
    const clock = createManualClock();
    const fleet = createSimFleet({ clock });
    expect(fleet.map((c) => c.providerId)).toEqual(['nimbus', 'aurora', 'boreal', 'kumo', 'voltgpu', 'meridian']);
    expect(fleet.every((c) => c.clock === clock)).toBe(true);
    const regions = await Promise.all(fleet.map((c) => c.regions()));
    expect(regions.flat().length).toBe(new Set(regions.flat().map((r) => r.id)).size);
    await Promise.all(fleet.map((c) => c.close()));
  });
});
