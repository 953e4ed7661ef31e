import type { CallOptions, Clock, Connector, ProvisionedResource, ResourceAction, ResourceSpec, UsageQuery } from '@accords/connector-kit';
import { actionTargetState, checkResourceSpec, ConnectorError, createOfferCache, normalizeAction, systemClock } from '@accords/connector-kit';
import type { Offer } from '@accords/model';
import { demoCatalogue } from '@accords/model';
import { SIM_CAPABILITIES, SIM_IMAGES } from './capabilities';
import type { SimStats } from './faults';
import { createFaultGate, emptyStats } from './faults';
import type { SimMeter } from './meter';
import { meterTotals, readUsage } from './meter';
import type { SimFaults, SimOptions } from './options';
import { checkSimOptions } from './options';
import { createPriceSignal, priceAt } from './pricing';
import { stream } from './random';
import type { SimRecord } from './record';
import { occiAttributes, render } from './record';
import { Timeline } from './timeline';
import type { Transition } from './timeline';
import { planAction } from './transitions';
import { createLedger } from './ledger';

/** A simulated provider: a {@link Connector} plus the controls a test or a demo needs. */
export interface SimConnector extends Connector {
  /** The clock the simulator runs on. */
  readonly clock: Clock;
  images(opts?: CallOptions): ReturnType<NonNullable<Connector['images']>>;
  resize(id: string, offerId: string, opts?: CallOptions): Promise<ProvisionedResource>;
  usage(q: UsageQuery, opts?: CallOptions): ReturnType<NonNullable<Connector['usage']>>;
  close(): Promise<void>;
  /** What the run did and injected so far. */
  stats(): SimStats;
  /** What the run consumed so far. */
  meter(): SimMeter;
  /** Replaces the fault settings for the following calls. */
  setFaults(faults: SimFaults): void;
  /**
   * Makes a resource die now (state `error`), as a host failure would.
   * @throws {ConnectorError} `not_found` for an unknown id.
   */
  kill(id: string): void;
}

const iso = (t: number): string => new Date(t).toISOString();

/**
 * Creates a deterministic simulated provider over a catalogue (by default the demo catalogue of
 * @accords/model): its regions, its offers priced after the electricity-price signals, capacity
 * per offer and region, quotas, provisioning delays on a virtual clock, and seeded faults.
 * @param options - Provider, catalogue, clock, seed, capacity, quota, delays, faults.
 * @returns A {@link SimConnector}.
 * @throws {ConnectorError} `invalid` for a bad option, naming it in `location.attribute`.
 * @example
 * ```ts
 * const clock = createManualClock();
 * const sim = createSimConnector({ providerId: 'aurora', clock, delays: { provisionMs: { compute: 30_000 } } });
 * const vm = await sim.create({ kind: 'compute', idempotencyKey: 'web-0001', regionId: 'aurora-fr-par', offerId, name: 'web' });
 * await clock.advance(30_000); // vm is now active
 * ```
 */
export function createSimConnector(options: SimOptions = {}): SimConnector {
  checkSimOptions(options);
  const clock = options.clock ?? systemClock;
  const seed = options.seed ?? 1;
  const catalogue = options.catalogue ?? demoCatalogue();
  const providerId = options.providerId ?? catalogue.providers[0]?.id ?? '';
  const regions = catalogue.regions.filter((r) => r.providerId === providerId);
  if (regions.length === 0) {
    throw new ConnectorError('invalid', `provider ${JSON.stringify(providerId)} has no region in the catalogue`, { location: { attribute: 'providerId' } });
  }
  const regionById = new Map(regions.map((r) => [r.id, r]));
  const listOffers = catalogue.offers.filter((o) => o.providerId === providerId && regionById.has(o.regionId));
  const offerById = new Map(listOffers.map((o) => [o.id, o]));
  const signal = createPriceSignal({ series: options.signals, regions });
  const elasticity = { 'on-demand': options.priceElasticity?.['on-demand'] ?? 0.1, spot: options.priceElasticity?.spot ?? 0.6 };
  const stats = emptyStats();
  const gate = createFaultGate({ faults: options.faults ?? {}, random: stream(seed, `faults:${providerId}`), clock, apiRatePerSecond: options.apiRatePerSecond, stats, providerId });
  const ids = stream(seed, `ids:${providerId}`);
  const workload = stream(seed, `workload:${providerId}`);
  const deaths = stream(seed, `deaths:${providerId}`);
  let deathRate = options.faults?.deathRatePerHour ?? 0;
  const delays = options.delays ?? {};
  const ledger = createLedger({ regionCapacity: options.regionCapacity, offerCapacity: options.offerCapacity, quota: options.quota, providerId });

  const records = new Map<string, SimRecord>();
  const all: SimRecord[] = [];
  const byKey = new Map<string, SimRecord>();
  let addresses = 0;

  const price = (o: Offer, t: number): number => priceAt(o, { zone: regionById.get(o.regionId)!.zone, signal, t, elasticity });
  const cache = createOfferCache({
    clock,
    refreshMs: options.offerRefreshMs ?? 900_000,
    loadOffers: async () => {
      const t = clock.now();
      return listOffers.map((o) => ({ ...o, pricePerHour: price(o, t), capacity: ledger.remaining(o), asOf: iso(t) }));
    },
    loadImages: async () => [...SIM_IMAGES],
    imageFilter: { deny: [/-rc\d*$/] },
  });
  const ready = cache.start();

  const ctx = (operation: string) => ({ providerId, operation });
  const live = (id: string): SimRecord | undefined => {
    const rec = records.get(id);
    if (rec?.deletedAt !== undefined && rec.deletedAt <= clock.now()) {
      records.delete(id);
      return undefined;
    }
    return rec;
  };
  const find = (id: string, operation: string): SimRecord => {
    const rec = live(id);
    if (!rec) throw new ConnectorError('not_found', `no resource ${id} at provider ${providerId}`, { ...ctx(operation), backendCode: 404 });
    return rec;
  };
  const show = (rec: SimRecord): ProvisionedResource => render(rec, { providerId, now: clock.now() });

  /** Plans `target` after `busyMs` of `pending`, and a seeded death while a compute runs. */
  const schedule = (rec: SimRecord, plan: { target: ProvisionedResource['state']; busyMs: number; intent: string }): void => {
    const t0 = clock.now();
    const changes: Transition[] = [];
    if (plan.busyMs > 0) changes.push({ at: t0, state: 'pending' });
    const readyAt = t0 + plan.busyMs;
    changes.push({ at: readyAt, state: plan.target });
    if (rec.kind === 'compute' && plan.target === 'active' && deathRate > 0) {
      const lambda = deathRate >= 1 ? Number.POSITIVE_INFINITY : -Math.log(1 - deathRate);
      const hours = -Math.log(1 - deaths.next()) / lambda;
      changes.push({ at: readyAt + Math.round(hours * 3_600_000), state: 'error' });
    }
    rec.timeline.replan(t0, changes);
    rec.intent = plan.busyMs > 0 ? { action: plan.intent, until: readyAt } : undefined;
  };

  const createNow = (spec: ResourceSpec): ProvisionedResource => {
    const existing = byKey.get(spec.idempotencyKey);
    if (existing) {
      const same = existing.kind === spec.kind && existing.regionId === spec.regionId && existing.spec.name === spec.name && existing.spec.offerId === spec.offerId;
      if (!same) throw new ConnectorError('conflict', `idempotency key ${spec.idempotencyKey} was used for a different request`, { ...ctx('create'), location: { pointer: '/idempotencyKey' } });
      if (!live(existing.id)) throw new ConnectorError('conflict', `the resource created with idempotency key ${spec.idempotencyKey} was deleted`, ctx('create'));
      stats.replays += 1;
      return show(existing);
    }
    const region = regionById.get(spec.regionId);
    if (!region) throw new ConnectorError('invalid', `provider ${providerId} has no region ${spec.regionId}`, { ...ctx('create'), location: { pointer: '/regionId' } });
    let offer: Offer | undefined;
    if (spec.offerId !== undefined) {
      offer = offerById.get(spec.offerId);
      if (!offer || offer.regionId !== spec.regionId || spec.kind !== 'compute') {
        throw new ConnectorError('invalid', `no ${spec.kind} offer ${spec.offerId} in region ${spec.regionId}`, { ...ctx('create'), location: { pointer: '/offerId' } });
      }
    }
    if (spec.kind === 'compute' && spec.image !== undefined && !SIM_IMAGES.some((i) => i.id === spec.image || i.name === spec.image)) {
      throw new ConnectorError('invalid', `no image ${spec.image}`, { ...ctx('create'), location: { pointer: '/image' } });
    }
    if (offer) ledger.take(offer);
    const t = clock.now();
    const n = ++addresses;
    const rec: SimRecord = {
      id: `${spec.kind === 'compute' ? 'vm' : spec.kind === 'storage' ? 'vol' : 'net'}-${ids.hex(16)}`,
      kind: spec.kind,
      spec: { ...spec, ...(spec.labels ? { labels: { ...spec.labels } } : {}) },
      regionId: spec.regionId,
      offer,
      pricePerHour: offer ? price(offer, t) : 0,
      createdAt: t,
      createdAtIso: iso(t),
      timeline: new Timeline(t, 'pending'),
      utilisation: Math.round((0.1 + 0.8 * workload.next()) * 1000) / 1000,
      addresses: spec.kind === 'compute' ? [`10.${regions.indexOf(region) + 1}.${(n >> 8) & 255}.${n & 255}`] : [],
      attributes: occiAttributes(spec, offer),
    };
    schedule(rec, { target: spec.kind === 'storage' ? 'online' : 'active', busyMs: delays.provisionMs?.[spec.kind] ?? 0, intent: 'create' });
    records.set(rec.id, rec);
    all.push(rec);
    byKey.set(spec.idempotencyKey, rec);
    stats.created += 1;
    return show(rec);
  };

  const actNow = (id: string, action: ResourceAction): ProvisionedResource => {
    const rec = find(id, 'act');
    const a = normalizeAction(action);
    if (!actionTargetState(rec.kind, a.name)) {
      throw new ConnectorError('invalid', `action ${a.name} does not apply to ${rec.kind} resources`, { ...ctx('act'), location: { attribute: 'action' } });
    }
    if (rec.deletedAt !== undefined) throw new ConnectorError('conflict', `resource ${id} is being deleted`, ctx('act'));
    const state = rec.timeline.stateAt(clock.now());
    if (state === 'pending') {
      if (rec.intent?.action === a.name) return show(rec);
      throw new ConnectorError('conflict', `resource ${id} is busy (${rec.intent?.action ?? 'pending'})`, ctx('act'));
    }
    const plan = planAction(rec.kind, state, a);
    if (plan.kind === 'noop') return show(rec);
    if (a.name === 'save') rec.attributes['accords.compute.saved-image'] = a.imageName ?? `${rec.spec.name}-snapshot`;
    schedule(rec, { target: plan.target, busyMs: delays.actionMs ?? 0, intent: a.name });
    return show(rec);
  };

  const resizeNow = (id: string, offerId: string): ProvisionedResource => {
    const rec = find(id, 'resize');
    if (rec.kind !== 'compute' || !rec.offer) throw new ConnectorError('invalid', `only compute resources can be resized`, ctx('resize'));
    const intent = `resize:${offerId}`;
    const state = rec.timeline.stateAt(clock.now());
    if (state === 'pending') {
      if (rec.intent?.action === intent) return show(rec);
      throw new ConnectorError('conflict', `resource ${id} is busy (${rec.intent?.action ?? 'pending'})`, ctx('resize'));
    }
    if (rec.offer.id === offerId) return show(rec);
    const next = offerById.get(offerId);
    if (!next || next.regionId !== rec.regionId) {
      throw new ConnectorError('invalid', `no compute offer ${offerId} in region ${rec.regionId}`, { ...ctx('resize'), location: { attribute: 'offerId' } });
    }
    if (state !== 'active' && state !== 'inactive') throw new ConnectorError('conflict', `cannot resize a ${state} compute`, ctx('resize'));
    ledger.swap(rec.offer, next);
    rec.offer = next;
    rec.pricePerHour = price(next, clock.now());
    rec.spec = { ...rec.spec, offerId };
    rec.attributes = occiAttributes(rec.spec, next);
    schedule(rec, { target: state, busyMs: delays.actionMs ?? 0, intent });
    return show(rec);
  };

  const deleteNow = (id: string): void => {
    const rec = find(id, 'delete');
    if (rec.deletedAt !== undefined) return;
    const deleteMs = delays.deleteMs ?? 0;
    const t = clock.now();
    rec.deletedAt = t + deleteMs;
    rec.intent = undefined;
    rec.timeline.replan(t, deleteMs > 0 ? [{ at: t, state: 'pending' }] : []);
    if (rec.offer) ledger.release(rec.offer);
    stats.deleted += 1;
    if (deleteMs === 0) records.delete(id);
  };

  return {
    providerId,
    capabilities: SIM_CAPABILITIES,
    clock,
    regions: (opts) => gate.run('regions', opts, () => regions.map((r) => structuredClone(r))),
    offers: async (opts) => {
      await ready;
      return gate.run('offers', opts, () => cache.catalogue());
    },
    images: async (opts) => {
      await ready;
      return gate.run('images', opts, () => cache.images());
    },
    create: async (spec, opts) => {
      const checked = checkResourceSpec(spec, SIM_CAPABILITIES);
      return gate.run('create', opts, () => createNow(checked));
    },
    get: (id, opts) => gate.run('get', opts, () => show(find(id, 'get'))),
    list: (opts) =>
      gate.run('list', opts, () =>
        [...records.keys()].map((id) => live(id)).filter((r): r is SimRecord => r !== undefined).map(show),
      ),
    act: (id, action, opts) => gate.run('act', opts, () => actNow(id, action)),
    resize: (id, offerId, opts) => gate.run('resize', opts, () => resizeNow(id, offerId)),
    delete: (id, opts) => gate.run('delete', opts, () => deleteNow(id)),
    usage: (q, opts) => gate.run('usage', opts, () => readUsage(all, { q, now: clock.now(), providerId, regions: regionById })),
    async close() {
      cache.stop();
    },
    stats() {
      const now = clock.now();
      const dead = all.reduce((n, r) => n + r.timeline.entered('error', Math.min(now, r.deletedAt ?? now)), 0);
      return { ...structuredClone(stats), deaths: dead };
    },
    meter: () => meterTotals(all, { now: clock.now(), providerId, regions: regionById }),
    setFaults(faults) {
      checkSimOptions({ faults });
      gate.set(faults);
      deathRate = faults.deathRatePerHour ?? 0;
    },
    kill(id) {
      const rec = find(id, 'kill');
      rec.timeline.replan(clock.now(), [{ at: clock.now(), state: 'error' }]);
      rec.intent = undefined;
    },
  };
}
