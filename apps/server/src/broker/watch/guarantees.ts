import { randomUUID } from 'node:crypto';
import type { Guarantee, GuaranteeStatus } from '@accords/model';
import { num } from '../../jobs/sql';
import type { SqlExecutor } from '../../jobs';
import type { AgreementRecord, ResourceRecord } from '../types';
import { isoDurationMs } from './iso-duration';

const COMPARE: Record<Guarantee['comparator'], (a: number, b: number) => boolean> = {
  lt: (a, b) => a < b, le: (a, b) => a <= b, eq: (a, b) => Math.abs(a - b) < 1e-9, ge: (a, b) => a >= b, gt: (a, b) => a > b,
};

/**
 * Running and expected seconds of resources within `[from, to)`: recorded usage plus the open
 * interval, expected from the first moment each resource ran (provisioning time is a metric
 * of its own).
 */
async function uptime(input: { tx: SqlExecutor; resources: ResourceRecord[]; from: number; to: number }): Promise<{ running: number; expected: number }> {
  let running = 0;
  let expected = 0;
  for (const r of input.resources) {
    const rows = await input.tx.query(`SELECT start_at, end_at FROM accords_broker_usage WHERE resource_id = ? AND end_at > ? AND start_at < ?`, [r.id, input.from, input.to]);
    const first = await input.tx.query(`SELECT MIN(start_at) AS first FROM accords_broker_usage WHERE resource_id = ?`, [r.id]);
    const firstRun = Math.min(first[0]?.first === null || first[0]?.first === undefined ? Infinity : num(first[0].first), r.runningSince ?? Infinity);
    if (firstRun === Infinity || firstRun >= input.to) continue;
    for (const u of rows) running += Math.max(0, Math.min(num(u.end_at), input.to) - Math.max(num(u.start_at), input.from));
    if (r.runningSince !== null) running += Math.max(0, input.to - Math.max(r.runningSince, input.from));
    expected += input.to - Math.max(input.from, firstRun);
  }
  return { running: running / 1000, expected: expected / 1000 };
}

/** What a guarantee measured over a window, or undefined when the broker cannot measure it. */
export async function measure(input: { tx: SqlExecutor; g: Guarantee; agreement: AgreementRecord; resources: ResourceRecord[]; from: number; to: number }): Promise<number | undefined> {
  const { g, agreement, from, to } = input;
  const scope = input.resources.filter((r) => r.kind === 'compute' && r.role === 'primary' && (!g.nodes || g.nodes.includes(r.node)));
  switch (g.metric) {
    case 'availability': {
      const { running, expected } = await uptime({ tx: input.tx, resources: scope.filter((r) => r.state !== 'released'), from, to });
      if (expected <= 0) return undefined;
      return Math.round((running / expected) * 100 * 1000) / 1000;
    }
    case 'price':
      return Math.round(scope.filter((r) => r.state === 'running').reduce((s, r) => s + r.pricePerHour, 0) * 1e6) / 1e6;
    case 'provisioning-time': {
      const rows = await input.tx.query(`SELECT at, data FROM accords_broker_event WHERE agreement_id = ? AND type = 'state' ORDER BY seq`, [agreement.id]);
      const accepted = rows.find((r) => String(r.data).includes('"action":"accept"'));
      const running = rows.find((r) => String(r.data).includes('"phase":"running"'));
      if (!accepted || !running) return undefined;
      return (num(running.at) - num(accepted.at)) / 1000;
    }
    default:
      return undefined;
  }
}

/** One measured value of a guarantee's metric over a window. */
export interface Measurement {
  guarantee: string;
  metric: Guarantee['metric'];
  value: number;
  /** RFC 3339 bounds of the window measured, `[from, to)`. */
  from: string;
  to: string;
}

/**
 * Measures every guarantee of an accepted agreement over its current window (so far). A metric
 * the broker cannot measure (no connector reports latency or error rate) gives no measurement,
 * never an invented value.
 *
 * @param input - transaction, agreement, its resources, time
 * @returns the measurements, one per measurable guarantee
 * @example
 * const measurements = await measureGuarantees({ tx, agreement, resources, now });
 */
export async function measureGuarantees(input: { tx: SqlExecutor; agreement: AgreementRecord; resources: ResourceRecord[]; now: number }): Promise<Measurement[]> {
  const { tx, agreement: a, now } = input;
  if (!a.contract) return [];
  const effective = Date.parse(a.contract.effectiveFrom);
  const out: Measurement[] = [];
  for (const g of a.contract.guarantees) {
    const windowMs = isoDurationMs(g.window) ?? 30 * 86_400_000;
    const from = effective + Math.max(0, Math.floor((now - effective) / windowMs)) * windowMs;
    const value = now > from ? await measure({ tx, g, agreement: a, resources: input.resources, from, to: now }) : undefined;
    if (value !== undefined) out.push({ guarantee: g.name, metric: g.metric, value, from: new Date(from).toISOString(), to: new Date(now).toISOString() });
  }
  return out;
}

/**
 * Evaluates every guarantee of an accepted agreement from the measurements of its current
 * window (see {@link measureGuarantees}): the term state is fulfilled or violated, or undefined
 * without a measurement; each window that has ended violated records its penalty or credit once
 * (remedy amount, or a percentage of the window's charges).
 *
 * @param input - transaction, agreement (its `termStates` are updated), resources, time and measurements
 * @returns whether any term state changed
 * @example
 * const changed = await evaluateGuarantees({ tx, agreement, resources, now, measurements });
 */
export async function evaluateGuarantees(input: { tx: SqlExecutor; agreement: AgreementRecord; resources: ResourceRecord[]; now: number; measurements: Measurement[] }): Promise<boolean> {
  const { tx, agreement: a, now } = input;
  if (!a.contract || a.contract.guarantees.length === 0) return false;
  const effective = Date.parse(a.contract.effectiveFrom);
  const before = JSON.stringify(a.termStates);
  const states: GuaranteeStatus[] = [];
  for (const g of a.contract.guarantees) {
    const windowMs = isoDurationMs(g.window) ?? 30 * 86_400_000;
    const k = Math.max(0, Math.floor((now - effective) / windowMs));
    const measured = input.measurements.find((m) => m.guarantee === g.name)?.value;
    const status: GuaranteeStatus = { name: g.name, state: measured === undefined ? 'undefined' : COMPARE[g.comparator](measured, g.target) ? 'fulfilled' : 'violated' };
    if (measured !== undefined) {
      status.measured = measured;
      status.evaluatedAt = new Date(now).toISOString();
    }
    states.push(status);
    if (k > 0 && g.remedy) await settleWindow({ tx, a, g, from: effective + (k - 1) * windowMs, to: effective + k * windowMs, resources: input.resources });
  }
  a.termStates = states;
  return JSON.stringify(states.map(({ name, state }) => ({ name, state }))) !== JSON.stringify(JSON.parse(before).map(({ name, state }: GuaranteeStatus) => ({ name, state })));
}

async function settleWindow(input: { tx: SqlExecutor; a: AgreementRecord; g: Guarantee; from: number; to: number; resources: ResourceRecord[] }): Promise<void> {
  const { tx, a, g, from, to } = input;
  const exists = await tx.query(`SELECT id FROM accords_broker_penalty WHERE agreement_id = ? AND guarantee = ? AND window_start = ?`, [a.id, g.name, from]);
  if (exists.length > 0) return;
  const measured = await measure({ tx, g, agreement: a, resources: input.resources, from, to });
  if (measured === undefined || COMPARE[g.comparator](measured, g.target)) return;
  let amount = g.remedy?.amount ?? 0;
  if (g.remedy?.percent !== undefined) {
    const rows = await tx.query(`SELECT seconds, price_per_hour FROM accords_broker_usage WHERE agreement_id = ? AND start_at >= ? AND start_at < ?`, [a.id, from, to]);
    const charges = rows.reduce((s, r) => s + (num(r.seconds) / 3600) * num(r.price_per_hour), 0);
    amount += (charges * g.remedy.percent) / 100;
  }
  await tx.query(
    `INSERT INTO accords_broker_penalty (id, tenant_id, agreement_id, guarantee, type, window_start, window_end, measured, amount, currency, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [randomUUID(), a.tenantId, a.id, g.name, g.remedy?.type ?? 'penalty', from, to, measured, Math.round(amount * 100) / 100, a.contract!.currency, Date.now()],
  );
}
