import type { ResourceState, UsageQuery, UsageReading } from '@accords/connector-kit';
import { ConnectorError } from '@accords/connector-kit';
import type { Region } from '@accords/model';
import type { SimRecord } from './record';

const RUNNING: Record<string, ReadonlySet<ResourceState>> = {
  compute: new Set(['active']),
  storage: new Set(['online', 'offline', 'backup', 'snapshot', 'resize', 'degraded']),
  network: new Set(['active', 'inactive']),
};

/** What a run consumed, in total. */
export interface SimMeter {
  resources: number;
  runningSeconds: number;
  energyKWh: number;
  /** Cost of compute running time at the prices locked at creation. */
  cost: { amount: number; currency: string };
}

const parse = (value: string, attribute: string): number => {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new ConnectorError('invalid', `${attribute} must be an RFC 3339 date-time, got ${JSON.stringify(value)}`, { location: { attribute } });
  return t;
};

function runningMs(rec: SimRecord, window: { from: number; to: number }): number {
  const to = Math.min(window.to, rec.deletedAt ?? Number.POSITIVE_INFINITY);
  return to > window.from ? rec.timeline.timeIn({ from: window.from, to }, RUNNING[rec.kind]!) : 0;
}

/**
 * Usage readings of the records that existed during `[q.start, q.end)`, up to `now`.
 * @param records - Every record of the run, deleted ones included.
 * @param context - Query, now, provider id and regions (for PUE).
 * @returns One reading per resource.
 * @throws {ConnectorError} `invalid` for malformed or reversed dates.
 */
export function readUsage(
  records: Iterable<SimRecord>,
  context: { q: UsageQuery; now: number; providerId: string; regions: ReadonlyMap<string, Region> },
): UsageReading[] {
  const from = parse(context.q.start, 'start');
  const end = parse(context.q.end, 'end');
  if (end < from) throw new ConnectorError('invalid', 'end is before start', { location: { attribute: 'end' } });
  const to = Math.min(end, context.now);
  const wanted = context.q.resourceIds ? new Set(context.q.resourceIds) : undefined;
  const out: UsageReading[] = [];
  for (const rec of records) {
    if (wanted && !wanted.has(rec.id)) continue;
    if (rec.createdAt >= end || (rec.deletedAt !== undefined && rec.deletedAt <= from)) continue;
    const seconds = runningMs(rec, { from, to }) / 1000;
    const reading: UsageReading = {
      resourceId: rec.id,
      providerId: context.providerId,
      start: new Date(Math.max(from, rec.createdAt)).toISOString(),
      end: new Date(Math.max(Math.max(from, rec.createdAt), Math.min(to, rec.deletedAt ?? to))).toISOString(),
      runningSeconds: Math.round(seconds * 1000) / 1000,
    };
    if (rec.kind === 'compute' && rec.offer) {
      const pue = context.regions.get(rec.regionId)?.pue ?? 1;
      const watts = rec.offer.powerWatts ?? rec.offer.vcpu * 10;
      reading.cpuSeconds = Math.round(seconds * rec.offer.vcpu * rec.utilisation * 1000) / 1000;
      reading.energyKWh = Math.round(((watts * (0.3 + 0.7 * rec.utilisation) * seconds) / 3_600_000) * pue * 1e6) / 1e6;
      reading.egressGB = Math.round(seconds * rec.utilisation * 0.0002 * 1e6) / 1e6;
    }
    out.push(reading);
  }
  return out;
}

/**
 * Totals of a run so far.
 * @param records - Every record of the run.
 * @param context - Now and regions.
 * @returns The {@link SimMeter}.
 */
export function meterTotals(records: Iterable<SimRecord>, context: { now: number; providerId: string; regions: ReadonlyMap<string, Region> }): SimMeter {
  const q = { start: new Date(0).toISOString(), end: new Date(context.now).toISOString() };
  const list = [...records];
  const readings = readUsage(list, { ...context, q });
  const byId = new Map(list.map((r) => [r.id, r]));
  let runningSeconds = 0;
  let energyKWh = 0;
  let amount = 0;
  let currency = 'EUR';
  for (const r of readings) {
    runningSeconds += r.runningSeconds;
    energyKWh += r.energyKWh ?? 0;
    const rec = byId.get(r.resourceId)!;
    if (rec.kind === 'compute') {
      amount += (r.runningSeconds / 3600) * rec.pricePerHour;
      currency = rec.offer?.currency ?? currency;
    }
  }
  return { resources: readings.length, runningSeconds, energyKWh: Math.round(energyKWh * 1e6) / 1e6, cost: { amount: Math.round(amount * 1e4) / 1e4, currency } };
}
