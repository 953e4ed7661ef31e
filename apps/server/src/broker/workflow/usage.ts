import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from '../../jobs';
import type { AgreementRecord, ResourceRecord } from '../types';
import type { Projection } from './projection';

/**
 * Records the running time of a resource since `runningSince` up to `now`, in whole seconds,
 * as one usage record rated at the resource's contracted price, and moves `runningSince` on by
 * the seconds recorded (the sub-second rest is kept for the next record). Call it whenever a
 * resource stops running, and periodically while it runs.
 *
 * With a projection, the record also becomes a `usage` OCCI entity in the same transaction.
 *
 * @param input - transaction, the resource (mutated: `runningSince`), time, whether it stops, and
 *   the projection (with the contract id the record bills)
 * @returns the seconds recorded
 * @example
 * await closeUsage({ tx, resource: r, now: Date.now(), stopping: true });
 */
export async function closeUsage(input: UsageScope & { resource: ResourceRecord; now: number; stopping: boolean }): Promise<number> {
  const { tx, resource: r, now } = input;
  if (r.runningSince === null) return 0;
  const seconds = Math.max(0, Math.floor((now - r.runningSince) / 1000));
  if (seconds > 0 && r.kind === 'compute') {
    const id = randomUUID();
    await tx.query(
      `INSERT INTO accords_broker_usage (id, tenant_id, agreement_id, resource_id, node, offer_id, provider_id, region_id,
        start_at, end_at, seconds, price_per_hour, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, r.tenantId, r.agreementId, r.id, r.node, r.offerId ?? '', r.providerId, r.regionId, r.runningSince,
        r.runningSince + seconds * 1000, seconds, r.pricePerHour, r.currency],
    );
    if (input.projection && r.offerId) {
      const contractId = input.contractId ?? (await contractIdOf(tx, r.agreementId));
      if (contractId) {
        await input.projection.usageRecorded({
          id, contractId, resourceId: r.id, node: r.node, offerId: r.offerId, providerId: r.providerId, regionId: r.regionId,
          start: new Date(r.runningSince).toISOString(), end: new Date(r.runningSince + seconds * 1000).toISOString(),
          seconds, pricePerHour: r.pricePerHour, currency: r.currency,
        }, r.agreementId);
      }
    }
  }
  r.runningSince = input.stopping ? null : r.runningSince + seconds * 1000;
  return seconds;
}

/** Where usage is written: the transaction, and optionally the projection that shows it as OCCI entities. */
export interface UsageScope {
  tx: SqlExecutor;
  projection?: Projection;
  /** The contract the usage bills (read from the agreement when missing). */
  contractId?: string;
}

async function contractIdOf(tx: SqlExecutor, agreementId: string): Promise<string | undefined> {
  const rows = await tx.query('SELECT contract FROM accords_broker_agreement WHERE id = ?', [agreementId]);
  const raw = rows[0]?.contract;
  return typeof raw === 'string' && raw !== '' ? (JSON.parse(raw) as { id?: string } | null)?.id : undefined;
}

/** What a running resource becomes after a provider-side state. */
export function phaseOfProviderState(state: string): ResourceRecord['state'] | undefined {
  switch (state) {
    case 'active':
    case 'online':
      return 'running';
    case 'inactive':
    case 'offline':
      return 'stopped';
    case 'suspended':
      return 'suspended';
    case 'error':
      return 'failed';
    default:
      return undefined;
  }
}

/**
 * Applies a new phase to a resource: closes its usage when it stops running, opens it when it
 * starts.
 *
 * @param input - transaction (and projection for the usage entities), resource (mutated), new phase, time
 * @returns when done
 * @example
 * await enterPhase({ tx, resource: r, phase: 'stopped', now });
 */
export async function enterPhase(input: UsageScope & { resource: ResourceRecord; phase: ResourceRecord['state']; now: number }): Promise<void> {
  const { resource: r, phase, now } = input;
  // A resource being released still runs (and is billed) until the provider has deleted it.
  if (r.runningSince !== null && phase !== 'running' && phase !== 'releasing') await closeUsage({ ...input, resource: r, now, stopping: true });
  if (phase === 'running' && r.runningSince === null) r.runningSince = now;
  r.state = phase;
  r.updatedAt = now;
}

/** Whether every resource an agreement needs is running. */
export function allRunning(resources: ResourceRecord[]): boolean {
  const live = resources.filter((r) => r.role === 'primary' && r.state !== 'released');
  return live.length > 0 && live.every((r) => r.state === 'running');
}

/** The agreement phases in which resources are being torn down or are gone. */
export function isWindingDown(a: Pick<AgreementRecord, 'phase'>): boolean {
  return a.phase === 'failed' || a.phase === 'releasing' || a.phase === 'released';
}
