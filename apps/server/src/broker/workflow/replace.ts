import { randomUUID } from 'node:crypto';
import { proposeMoves } from '@accords/scheduler';
import type { Move } from '@accords/scheduler';
import { enqueueJobs } from '../../jobs';
import type { JobHandler, SqlExecutor } from '../../jobs';
import { num } from '../../jobs/sql';
import { appendEvent } from '../store/events';
import { getAgreement, getAgreementHead, getResource, insertResources, listResources, saveResource } from '../store/records';
import { JOB } from './context';
import type { BrokerDeps, TxScope } from './context';
import { provisionJob, releaseJob } from './agreement-ops';
import type { Projection } from './projection';
import type { Supply } from './schedule';
import type { AgreementRecord, ResourceRecord } from '../types';

/** A move as the broker records it. */
export interface MoveRecord {
  id: string;
  resourceId: string;
  newResourceId: string;
  node: string;
  from: string;
  to: string;
  savingPerHour: number;
  state: 'provisioning' | 'done' | 'failed';
  reason: string | null;
  at: string;
}

/**
 * Lists the moves of an agreement, oldest first.
 *
 * @param tx - where to read
 * @param agreementId - the agreement
 * @returns the moves
 * @example
 * const moves = await listMoves(tx, agreementId);
 */
export async function listMoves(tx: SqlExecutor, agreementId: string): Promise<MoveRecord[]> {
  const rows = await tx.query(`SELECT m.*, r.node FROM accords_broker_move m LEFT JOIN accords_broker_resource r ON r.id = m.resource_id WHERE m.agreement_id = ? ORDER BY m.created_at, m.id`, [agreementId]);
  return rows.map((m) => ({
    id: String(m.id), resourceId: String(m.resource_id), newResourceId: String(m.new_resource_id), node: String(m.node ?? ''),
    from: String(m.from_offer), to: String(m.to_offer), savingPerHour: num(m.saving_per_hour), state: m.state as MoveRecord['state'],
    reason: (m.reason as string | null) ?? null, at: new Date(num(m.created_at)).toISOString(),
  }));
}

/**
 * Asks the scheduler which running instances of an agreement should move under the current
 * prices and signals. Instances of nodes with storage volumes stay (the broker does not copy
 * state between providers), and nothing is proposed while an earlier move is still under way.
 *
 * @param input - agreement, its resources, the supply, time, moves of the last hour
 * @returns the proposed moves, best first
 * @example
 * const moves = proposeFor({ agreement, resources, supply, now, recent: [] });
 */
export function proposeFor(input: { agreement: AgreementRecord; resources: ResourceRecord[]; supply: Supply; now: number; recent: number[] }): Move[] {
  const { agreement: a, resources } = input;
  if (resources.some((r) => r.role === 'replacement' && r.state !== 'released' && r.state !== 'failed')) return [];
  const movable = new Set(a.manifest.nodes.filter((n) => !n.storage || n.storage.length === 0).map((n) => n.name));
  const running = resources
    .filter((r) => r.kind === 'compute' && r.role === 'primary' && r.state === 'running' && r.offerId && movable.has(r.node))
    .map((r) => ({ instanceId: r.id, node: r.node, offerId: r.offerId! }));
  if (running.length === 0) return [];
  const proposal = proposeMoves({
    manifest: a.manifest, providers: input.supply.providers, regions: input.supply.regions, offers: input.supply.offers,
    signals: input.supply.signals, now: input.now, running, options: { recentMoves: input.recent.map((at) => ({ at })) },
  });
  return proposal.moves;
}

/**
 * Starts one make-before-break move inside the caller's transaction: a replacement resource on
 * the new offer is provisioned first; a move job that depends on it swaps the two and releases
 * the old one. The move and its saving per hour are recorded.
 *
 * @param input - dependencies, transaction, the move, the supply (for the new offer's price)
 * @returns the move record, or undefined when the instance is no longer running
 * @example
 * await startMove({ deps, scope, move, supply });
 */
export async function startMove(input: { deps: BrokerDeps; scope: TxScope; move: Move; supply: Supply }): Promise<MoveRecord | undefined> {
  const { deps, scope, move } = input;
  const { tx } = scope;
  const now = deps.clock();
  const old = await getResource(tx, move.instanceId);
  if (!old || old.state !== 'running' || old.role !== 'primary' || old.spec.kind !== 'compute') return undefined;
  const head = await getAgreementHead(tx, { id: old.agreementId, lock: true });
  if (!head || head.phase !== 'running') return undefined;
  const offer = input.supply.offers.find((o) => o.id === move.to.offerId);
  if (!offer) return undefined;
  const id = randomUUID();
  const replacement: ResourceRecord = {
    ...old, id, role: 'replacement', providerId: move.to.providerId, regionId: move.to.regionId, offerId: move.to.offerId,
    pricePerHour: offer.pricePerHour, currency: offer.currency, idempotencyKey: `accords-${id}`, providerResourceId: null,
    state: 'planned', addresses: [], error: null, runningSince: null, dependsOn: [], createdAt: now, updatedAt: now,
    spec: { ...old.spec, idempotencyKey: `accords-${id}`, regionId: move.to.regionId, offerId: move.to.offerId },
  };
  await insertResources(tx, [replacement]);
  const record: MoveRecord = {
    id: randomUUID(), resourceId: old.id, newResourceId: id, node: old.node, from: move.from.offerId, to: move.to.offerId,
    savingPerHour: Math.round(-move.priceDeltaPerHour * 1e6) / 1e6, state: 'provisioning', reason: move.reason, at: new Date(now).toISOString(),
  };
  await tx.query(
    `INSERT INTO accords_broker_move (id, tenant_id, agreement_id, resource_id, new_resource_id, from_offer, to_offer, saving_per_hour, state, reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [record.id, old.tenantId, old.agreementId, old.id, id, record.from, record.to, record.savingPerHour, record.state, record.reason, now, now],
  );
  await enqueueJobs({
    tx, now,
    jobs: [provisionJob(replacement), { kind: JOB.move, idempotencyKey: `move:${record.id}`, group: `${old.agreementId}:move`, tenant: old.tenantId, payload: { moveId: record.id }, dependsOn: [`provision:${id}`] }],
  });
  await appendEvent(tx, { agreementId: old.agreementId, tenantId: old.tenantId, type: 'move', data: { move: record.id, node: old.node, replica: old.replica, from: record.from, to: record.to, savingPerHour: record.savingPerHour, state: 'started', reason: move.reason }, at: now });
  deps.wake();
  return record;
}

/**
 * The move job: once the replacement runs, it becomes the primary, the old instance is
 * released, and the move is recorded as done.
 *
 * @param input - the broker's dependencies and how to bind a projection to a job's transaction
 * @returns the handler
 * @example
 * const handler = moveHandler({ deps, projectionOf: () => NO_PROJECTION });
 */
export function moveHandler(input: { deps: BrokerDeps; projectionOf: (tx: SqlExecutor, scope: unknown) => Projection }): JobHandler<{ moveId: string }, { done: boolean }> {
  const { deps } = input;
  return {
    async run({ job }) {
      return {
        result: { done: true },
        commit: async (tx, scope) => {
          const now = deps.clock();
          const rows = await tx.query(`SELECT * FROM accords_broker_move WHERE id = ?`, [job.payload.moveId]);
          const m = rows[0];
          if (!m || m.state !== 'provisioning') return;
          const agreement = await getAgreement(tx, { id: String(m.agreement_id), lock: true });
          const old = await getResource(tx, String(m.resource_id));
          const fresh = await getResource(tx, String(m.new_resource_id));
          if (!agreement || !old || !fresh || fresh.state !== 'running') return;
          fresh.role = 'primary';
          fresh.updatedAt = now;
          await saveResource(tx, fresh);
          old.state = 'releasing';
          old.updatedAt = now;
          await saveResource(tx, old);
          await enqueueJobs({ tx, now, jobs: [releaseJob(old)] });
          await tx.query(`UPDATE accords_broker_move SET state = 'done', updated_at = ? WHERE id = ?`, [now, m.id]);
          await appendEvent(tx, { agreementId: agreement.id, tenantId: agreement.tenantId, type: 'move', data: { move: String(m.id), node: old.node, replica: old.replica, from: String(m.from_offer), to: String(m.to_offer), savingPerHour: num(m.saving_per_hour), state: 'done' }, at: now });
          agreement.moves = await listMoves(tx, agreement.id);
          await input.projectionOf(tx, scope).agreementChanged(agreement);
          deps.wake();
        },
      };
    },
  };
}

/**
 * Records the failure of a move whose replacement could not be provisioned: the service keeps
 * running where it was, the replacement is released.
 *
 * @param input - transaction, the replacement resource, the error, time
 * @returns when recorded
 * @example
 * await failMove({ tx, replacement, message, now });
 */
export async function failMove(input: { tx: SqlExecutor; replacement: ResourceRecord; message: string; now: number }): Promise<void> {
  const { tx, replacement: r, now } = input;
  await tx.query(`UPDATE accords_broker_move SET state = 'failed', reason = ?, updated_at = ? WHERE new_resource_id = ? AND state = 'provisioning'`, [input.message, now, r.id]);
  await appendEvent(tx, { agreementId: r.agreementId, tenantId: r.tenantId, type: 'move', data: { resource: r.id, node: r.node, state: 'failed', reason: input.message }, at: now });
  await enqueueJobs({ tx, now, jobs: [releaseJob(r)] });
}

/**
 * One re-placement pass over every running agreement: proposes moves under the current supply
 * and starts them (each in its own transaction of the agreement's tenant).
 *
 * @param input - dependencies, supply, a way to run work for a tenant, time
 * @returns the moves started
 * @example
 * const started = await replaceOnce({ deps, supply, runForTenant, now });
 */
export async function replaceOnce(input: {
  deps: BrokerDeps;
  supply: Supply;
  agreements: AgreementRecord[];
  runForTenant: <T>(tenantId: string, fn: (scope: TxScope) => Promise<T>) => Promise<T>;
  now: number;
}): Promise<MoveRecord[]> {
  const started: MoveRecord[] = [];
  for (const a of input.agreements) {
    const resources = await listResources(input.deps.db, a.id);
    const recent = await input.deps.db.query(`SELECT created_at FROM accords_broker_move WHERE agreement_id = ? AND created_at > ?`, [a.id, input.now - 3_600_000]);
    const moves = proposeFor({ agreement: a, resources, supply: input.supply, now: input.now, recent: recent.map((r) => num(r.created_at)) });
    for (const move of moves) {
      const record = await input.runForTenant(a.tenantId, (scope) => startMove({ deps: input.deps, scope, move, supply: input.supply }));
      if (record) started.push(record);
    }
  }
  return started;
}
