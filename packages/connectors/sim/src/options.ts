import type { Clock } from '@accords/connector-kit';
import { ConnectorError } from '@accords/connector-kit';
import type { Catalogue, SignalSeries } from '@accords/model';

/** The operations of the simulated API, as faults and statistics name them. */
export type SimOperation = 'regions' | 'offers' | 'images' | 'create' | 'get' | 'list' | 'act' | 'resize' | 'delete' | 'usage';

/** Seeded fault injection: every probability is per call, drawn from the run's seed. */
export interface SimFaults {
  /** A call fails with `transient` before doing anything (0–1). */
  errorRate?: number;
  /** A call does its work, then its answer is lost: the caller sees `transient` (0–1). */
  lostReplyRate?: number;
  /** A call is refused as `throttled`, with a `retryAfterMs` hint (0–1). */
  throttleRate?: number;
  /** A call hangs until the caller's deadline or signal (or `hangMs`), then fails as `timeout` (0–1). */
  timeoutRate?: number;
  /** How long a hanging call hangs without a deadline (default 30 000 ms). */
  hangMs?: number;
  /** Suggested `retryAfterMs` of throttled answers (default 1 000). */
  retryAfterMs?: number;
  /** Chance per hour of running time that a compute resource dies (state `error`) (0–1). */
  deathRatePerHour?: number;
  /** Operations faults apply to (default all). */
  operations?: readonly SimOperation[];
}

/** Simulated provisioning and action times. */
export interface SimDelays {
  /** Time from create to ready, per kind (default 0). */
  provisionMs?: Partial<Record<'compute' | 'storage' | 'network', number>>;
  /** Time an action takes (default 0). */
  actionMs?: number;
  /** Time a delete takes before the resource is gone (default 0). */
  deleteMs?: number;
}

/** Options of {@link createSimConnector}. */
export interface SimOptions {
  /** Provider of the catalogue to simulate (default the first provider). */
  providerId?: string;
  /** Providers, regions and offers (default `demoCatalogue()` of @accords/model). */
  catalogue?: Catalogue;
  /**
   * Electricity-price series the prices follow (default: @accords/model `demoSignals` for the
   * provider's zones, generated per simulated day).
   */
  signals?: SignalSeries[];
  /** How strongly prices follow the electricity price, per market (default on-demand 0.1, spot 0.6). */
  priceElasticity?: { 'on-demand'?: number; spot?: number };
  /** Time source: pass a manual clock in tests (default the system clock). */
  clock?: Clock;
  /** Seed of every random choice (default 1). */
  seed?: number;
  /** Instances that fit in a region, all offers together (default unlimited: only per-offer capacity applies). */
  regionCapacity?: number | Record<string, number>;
  /** Instances of one offer that fit, replacing the catalogue's `capacity` (for all offers, or per offer id). */
  offerCapacity?: number | Record<string, number>;
  /** Account quota across all regions. */
  quota?: { instances?: number; vcpus?: number };
  /** Calls per second the simulated API accepts before answering `throttled` (default unlimited). */
  apiRatePerSecond?: number;
  delays?: SimDelays;
  faults?: SimFaults;
  /** Offer catalogue refresh period (default 15 minutes of clock time). */
  offerRefreshMs?: number;
}

const rate = (value: unknown, attribute: string): void => {
  if (value === undefined) return;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new ConnectorError('invalid', `${attribute} must be a probability between 0 and 1, got ${String(value)}`, { location: { attribute } });
  }
};

const nonNegative = (value: unknown, attribute: string): void => {
  if (value === undefined) return;
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new ConnectorError('invalid', `${attribute} must be a non-negative number, got ${String(value)}`, { location: { attribute } });
  }
};

/**
 * Checks simulator options, naming the first wrong attribute.
 * @param options - Options as given.
 * @throws {ConnectorError} `invalid` with `location.attribute` set to the dotted option path.
 */
export function checkSimOptions(options: SimOptions): void {
  const f = options.faults ?? {};
  rate(f.errorRate, 'faults.errorRate');
  rate(f.lostReplyRate, 'faults.lostReplyRate');
  rate(f.throttleRate, 'faults.throttleRate');
  rate(f.timeoutRate, 'faults.timeoutRate');
  rate(f.deathRatePerHour, 'faults.deathRatePerHour');
  nonNegative(f.hangMs, 'faults.hangMs');
  nonNegative(f.retryAfterMs, 'faults.retryAfterMs');
  const total = (f.errorRate ?? 0) + (f.lostReplyRate ?? 0) + (f.throttleRate ?? 0) + (f.timeoutRate ?? 0);
  if (total > 1) throw new ConnectorError('invalid', `fault rates add up to ${total}, more than 1`, { location: { attribute: 'faults' } });
  const d = options.delays ?? {};
  for (const [k, v] of Object.entries(d.provisionMs ?? {})) nonNegative(v, `delays.provisionMs.${k}`);
  nonNegative(d.actionMs, 'delays.actionMs');
  nonNegative(d.deleteMs, 'delays.deleteMs');
  nonNegative(options.quota?.instances, 'quota.instances');
  nonNegative(options.quota?.vcpus, 'quota.vcpus');
  nonNegative(options.offerRefreshMs, 'offerRefreshMs');
  if (options.apiRatePerSecond !== undefined && !(options.apiRatePerSecond > 0)) {
    throw new ConnectorError('invalid', `apiRatePerSecond must be positive, got ${options.apiRatePerSecond}`, { location: { attribute: 'apiRatePerSecond' } });
  }
  for (const key of ['regionCapacity', 'offerCapacity'] as const) {
    const c = options[key];
    if (typeof c === 'number') nonNegative(c, key);
    else for (const [k, v] of Object.entries(c ?? {})) nonNegative(v, `${key}.${k}`);
  }
  if (options.seed !== undefined && !Number.isInteger(options.seed)) {
    throw new ConnectorError('invalid', `seed must be an integer, got ${options.seed}`, { location: { attribute: 'seed' } });
  }
}
