import { randomUUID } from 'node:crypto';
import type { Contract, Manifest } from '@accords/model';
import { cancelGroup, enqueueJobs } from '../../jobs';
import { appendEvent } from '../store/events';
import { getAgreement, insertAgreement, insertResources, listResources, saveAgreement, saveResource } from '../store/records';
import { BrokerError } from '../errors';
import { JOB } from './context';
import type { BrokerDeps, TxScope } from './context';
import { plannedResources } from './resources';
import type { AgreementRecord, BrokerPlan, ResourceRecord } from '../types';

/** An action on a whole agreement (the OCCI SLA actions). */
export type AgreementAction = 'accept' | 'reject' | 'suspend' | 'resume' | 'terminate';

/** Input of {@link createAgreement}. */
export interface CreateAgreementInput {
  deps: BrokerDeps;
  scope: TxScope;
  tenantId: string;
  manifestId: string;
  agreementId: string;
  manifest: Manifest;
  plan: BrokerPlan;
}

/**
 * Records a new agreement in state `pending` with its plan, shows it as OCCI, and accepts it at
 * once when the terms ask for automatic acceptance.
 *
 * @param input - dependencies, transaction, ids, manifest and plan
 * @returns the agreement record
 * @throws BrokerError when automatic acceptance is asked but the plan is not feasible
 * @example
 * const a = await createAgreement({ deps, scope, tenantId, manifestId, agreementId, manifest, plan });
 */
export async function createAgreement(input: CreateAgreementInput): Promise<AgreementRecord> {
  const now = input.deps.clock();
  const a: AgreementRecord = {
    id: input.agreementId, tenantId: input.tenantId, manifestId: input.manifestId, name: input.manifest.name,
    state: 'pending', phase: 'planned', manifest: input.manifest, plan: input.plan, contract: null,
    termStates: (input.manifest.terms.guarantees ?? []).map((g) => ({ name: g.name, state: 'undefined' as const })),
    reason: null, createdAt: now, updatedAt: now,
  };
  await insertAgreement(input.scope.tx, a);
  await input.scope.projection.agreementCreated(a);
  await appendEvent(input.scope.tx, { agreementId: a.id, tenantId: a.tenantId, type: 'state', data: { agreement: a.id, state: a.state, phase: a.phase }, at: now });
  if (input.manifest.terms.autoAccept) return actOnAgreement({ deps: input.deps, scope: input.scope, agreementId: a.id, action: 'accept' });
  return a;
}

/** Input of {@link actOnAgreement}. */
export interface AgreementActionInput {
  deps: BrokerDeps;
  scope: TxScope;
  agreementId: string;
  action: AgreementAction;
}

const LEGAL: Record<AgreementAction, AgreementRecord['state'][]> = {
  accept: ['pending'],
  reject: ['pending'],
  suspend: ['accepted'],
  resume: ['suspended'],
  terminate: ['accepted', 'suspended'],
};
const TARGET: Record<AgreementAction, AgreementRecord['state']> = {
  accept: 'accepted', reject: 'rejected', suspend: 'suspended', resume: 'accepted', terminate: 'terminated',
};

/**
 * Performs an SLA action on an agreement, inside the caller's transaction: accept fixes the
 * contract and enqueues a provisioning job per resource (in depends-on order); reject discards
 * the plan; suspend and resume fan out to the compute resources; terminate releases everything.
 *
 * @param input - dependencies, transaction, agreement id and action
 * @returns the agreement after the action
 * @throws BrokerError `not_found`, `invalid_state` (with the current state) or `unplaceable`
 * @example
 * await actOnAgreement({ deps, scope, agreementId, action: 'accept' });
 */
export async function actOnAgreement(input: AgreementActionInput): Promise<AgreementRecord> {
  const { deps, scope, action } = input;
  const { tx } = scope;
  const a = await getAgreement(tx, { id: input.agreementId, lock: true });
  if (!a) throw new BrokerError('not_found', `no agreement ${input.agreementId}`, { status: 404 });
  if (!LEGAL[action].includes(a.state)) {
    throw new BrokerError('invalid_state', `cannot ${action} an agreement in state ${a.state} (allowed from: ${LEGAL[action].join(', ')})`, {
      status: 409, location: { attribute: 'occi.agreement.state' },
    });
  }
  const now = deps.clock();
  const resources = await listResources(tx, a.id);
  if (action === 'accept') {
    if (a.plan.unplaced.length > 0 || a.plan.decisions.length === 0) {
      throw new BrokerError('unplaceable', `the plan leaves ${a.plan.unplaced.map((u) => u.node).join(', ') || 'every node'} unplaced: ${a.plan.unplaced[0]?.reason ?? 'no decisions'}`, {
        status: 409, location: { attribute: 'accords.agreement.plan' },
      });
    }
    a.contract = contractOf(a, now);
    const planned = plannedResources({ tenantId: a.tenantId, agreementId: a.id, manifest: a.manifest, decisions: a.plan.decisions, now });
    await insertResources(tx, planned);
    await enqueueJobs({ tx, now, jobs: planned.map((r) => provisionJob(r)) });
    a.phase = 'provisioning';
  } else if (action === 'reject') {
    a.phase = 'released';
  } else if (action === 'terminate') {
    await cancelGroup({ tx, group: a.id, now });
    a.phase = 'releasing';
    await releaseAll({ deps, scope, agreement: a, resources, now });
  } else {
    const target = action === 'suspend' ? 'suspend' : 'start';
    await fanOut({ scope, agreement: a, resources, action: target, now });
    a.phase = action === 'suspend' ? 'suspended' : a.phase === 'suspended' ? 'running' : a.phase;
  }
  a.state = TARGET[action];
  a.updatedAt = now;
  if (action === 'reject' || action === 'terminate') a.reason = a.reason ?? `${action}ed by the user`;
  await saveAgreement(tx, a);
  await scope.projection.agreementChanged(a);
  await appendEvent(tx, { agreementId: a.id, tenantId: a.tenantId, type: 'state', data: { agreement: a.id, state: a.state, phase: a.phase, action }, at: now });
  deps.wake();
  return a;
}

/** The provisioning job of a resource (its key is also what makes it run once). */
export function provisionJob(r: ResourceRecord) {
  return {
    kind: JOB.provision, idempotencyKey: `provision:${r.id}`, group: r.agreementId, tenant: r.tenantId,
    payload: { resourceId: r.id }, dependsOn: r.dependsOn.map((d) => `provision:${d}`), maxAttempts: 8,
  };
}

function contractOf(a: AgreementRecord, now: number): Contract {
  const t = a.manifest.terms;
  const contract: Contract = {
    id: randomUUID(), agreementId: a.id, manifestId: a.manifestId, decisions: a.plan.decisions,
    pricePerHour: a.plan.pricePerHour, currency: a.plan.currency, guarantees: t.guarantees ?? [],
    effectiveFrom: t.effectiveFrom ?? new Date(now).toISOString(), acceptedAt: new Date(now).toISOString(),
  };
  if (t.price?.budget !== undefined) contract.budget = t.price.budget;
  if (t.effectiveUntil) contract.effectiveUntil = t.effectiveUntil;
  return contract;
}

/**
 * Enqueues the release (delete at the provider) of every resource of an agreement that may
 * exist there; resources never created are marked released at once.
 *
 * @param input - dependencies, transaction, agreement, its resources, time
 * @returns when enqueued
 * @example
 * await releaseAll({ deps, scope, agreement: a, resources, now });
 */
export async function releaseAll(input: { deps: BrokerDeps; scope: TxScope; agreement: AgreementRecord; resources: ResourceRecord[]; now: number }): Promise<void> {
  const { scope, now } = input;
  const jobs = [];
  for (const r of input.resources) {
    if (r.state === 'released' || r.state === 'releasing') continue;
    if (r.providerResourceId === null && r.state === 'planned' && !(await provisionMayHaveRun(scope, r))) {
      // Never sent to the provider. A provision job running right now sees the agreement
      // winding down when it commits and releases what it made.
      r.state = 'released';
      r.updatedAt = now;
      await saveResource(scope.tx, r);
      await scope.projection.resourceRemoved(r);
      continue;
    }
    r.state = 'releasing';
    r.updatedAt = now;
    await saveResource(scope.tx, r);
    jobs.push(releaseJob(r));
  }
  if (jobs.length > 0) await enqueueJobs({ tx: scope.tx, now, jobs });
  input.deps.wake();
}

async function provisionMayHaveRun(scope: TxScope, r: ResourceRecord): Promise<boolean> {
  const rows = await scope.tx.query<{ attempts: unknown }>(`SELECT attempts FROM accords_job WHERE idempotency_key = ?`, [`provision:${r.id}`]);
  return rows.length > 0 && Number(rows[0]!.attempts) > 0;
}

/** The release job of a resource. */
export function releaseJob(r: ResourceRecord, suffix = '') {
  return { kind: JOB.release, idempotencyKey: `release:${r.id}${suffix}`, group: `${r.agreementId}:release`, tenant: r.tenantId, payload: { resourceId: r.id }, maxAttempts: 12 };
}

/**
 * Enqueues an action on every compute resource of an agreement that is in a state it applies to.
 *
 * @param input - transaction, agreement, resources, action, time
 * @returns how many resources the action goes to
 * @example
 * await fanOut({ scope, agreement: a, resources, action: 'stop', now });
 */
export async function fanOut(input: { scope: TxScope; agreement: AgreementRecord; resources: ResourceRecord[]; action: 'start' | 'stop' | 'suspend'; now: number }): Promise<number> {
  const from: Record<string, ResourceRecord['state'][]> = { start: ['stopped', 'suspended'], stop: ['running', 'suspended'], suspend: ['running'] };
  const targets = input.resources.filter((r) => r.kind === 'compute' && r.role === 'primary' && from[input.action]!.includes(r.state));
  const stamp = input.now.toString(36);
  await enqueueJobs({
    tx: input.scope.tx, now: input.now,
    jobs: targets.map((r) => ({
      kind: JOB.act, idempotencyKey: `act:${r.id}:${input.action}:${stamp}`, group: `${r.agreementId}:act`, tenant: r.tenantId,
      payload: { resourceId: r.id, action: input.action },
    })),
  });
  return targets.length;
}
