import { randomUUID } from 'node:crypto';
import { decodeJob } from './job-row';
import type { SqlExecutor } from './sql';
import type { EnqueueInput, JobError, JobRecord } from './job-types';

/** Thrown when a job's lease was taken over by another worker before it could finish. */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/** Input of {@link enqueueJobs}: the transaction, the jobs and the current time. */
export interface EnqueueOptions {
  tx: SqlExecutor;
  jobs: EnqueueInput[];
  now: number;
}

/**
 * Adds jobs in one transaction, in any order. Jobs whose idempotency key already exists are not added again;
 * their existing row is returned. Dependencies name idempotency keys (of the batch or of earlier
 * jobs) or job ids; a job waits until all of them succeed.
 *
 * @param options - transaction, jobs, time
 * @returns the jobs, in input order (new or pre-existing)
 * @throws Error when a dependency names no known job, or the batch's dependencies form a cycle
 * @example
 * await db.transaction((tx) => enqueueJobs({ tx, now: Date.now(), jobs: [{ kind: 'x', payload: {}, idempotencyKey: 'k' }] }));
 */
export async function enqueueJobs(options: EnqueueOptions): Promise<JobRecord[]> {
  const { tx, jobs, now } = options;
  const byKey = new Map<string, JobRecord>();
  for (const input of dependencyOrder(jobs)) {
    const existing = await findByKey(tx, input.idempotencyKey);
    if (existing) {
      byKey.set(input.idempotencyKey, existing);
      continue;
    }
    const deps: JobRecord[] = [];
    for (const ref of input.dependsOn ?? []) {
      const dep = byKey.get(ref) ?? (await findByKey(tx, ref)) ?? (await findById(tx, ref));
      if (!dep) throw new Error(`job ${input.idempotencyKey} depends on unknown job ${ref}`);
      deps.push(dep);
    }
    const failedDep = deps.find((d) => d.state === 'failed' || d.state === 'cancelled');
    const pending = deps.filter((d) => d.state !== 'succeeded').length;
    const id = randomUUID();
    const state = failedDep ? 'cancelled' : pending > 0 ? 'waiting' : 'ready';
    const error: JobError | null = failedDep
      ? { code: 'dependency_failed', message: `dependency ${failedDep.id} did not succeed`, dependency: failedDep.id }
      : null;
    await tx.query(
      `INSERT INTO accords_job (id, kind, group_id, tenant, idempotency_key, payload, state, pending_deps,
        attempts, max_attempts, priority, run_at, last_error, created_at, updated_at, finished_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id, input.kind, input.group ?? null, input.tenant ?? null, input.idempotencyKey,
        JSON.stringify(input.payload ?? null), state, pending, input.maxAttempts ?? 8, input.priority ?? 0,
        input.runAt ?? now, error ? JSON.stringify(error) : null, now, now, failedDep ? now : null,
      ],
    );
    for (const dep of deps) {
      await tx.query(`INSERT INTO accords_job_dep (job_id, depends_on) VALUES (?, ?)`, [id, dep.id]);
    }
    byKey.set(input.idempotencyKey, (await findById(tx, id)) as JobRecord);
  }
  return jobs.map((j) => byKey.get(j.idempotencyKey) as JobRecord);
}

/** Orders a batch so that every job comes after the batch members it depends on. */
function dependencyOrder(jobs: EnqueueInput[]): EnqueueInput[] {
  const byKey = new Map(jobs.map((j) => [j.idempotencyKey, j]));
  const out: EnqueueInput[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (job: EnqueueInput, path: string[]): void => {
    const mark = state.get(job.idempotencyKey);
    if (mark === 'done') return;
    if (mark === 'visiting') throw new Error(`jobs depend on each other in a cycle: ${[...path, job.idempotencyKey].join(' -> ')}`);
    state.set(job.idempotencyKey, 'visiting');
    for (const ref of job.dependsOn ?? []) {
      const dep = byKey.get(ref);
      if (dep) visit(dep, [...path, job.idempotencyKey]);
    }
    state.set(job.idempotencyKey, 'done');
    out.push(job);
  };
  for (const job of jobs) visit(job, []);
  return out;
}

/**
 * Reads one job by id.
 *
 * @param tx - where to read
 * @param id - the job id
 * @returns the job or undefined
 * @example
 * const job = await findById(tx, id);
 */
export async function findById(tx: SqlExecutor, id: string): Promise<JobRecord | undefined> {
  const rows = await tx.query(`SELECT * FROM accords_job WHERE id = ?`, [id]);
  return rows[0] ? decodeJob(rows[0]) : undefined;
}

/**
 * Reads one job by idempotency key.
 *
 * @param tx - where to read
 * @param key - the idempotency key
 * @returns the job or undefined
 * @example
 * const job = await findByKey(tx, 'provision:agreement-1:web');
 */
export async function findByKey(tx: SqlExecutor, key: string): Promise<JobRecord | undefined> {
  const rows = await tx.query(`SELECT * FROM accords_job WHERE idempotency_key = ?`, [key]);
  return rows[0] ? decodeJob(rows[0]) : undefined;
}

/**
 * Lists the jobs of a group, oldest first.
 *
 * @param tx - where to read
 * @param group - the group key
 * @returns the jobs
 * @example
 * const jobs = await listGroup(tx, agreementId);
 */
export async function listGroup(tx: SqlExecutor, group: string): Promise<JobRecord[]> {
  const rows = await tx.query(`SELECT * FROM accords_job WHERE group_id = ? ORDER BY created_at, id`, [group]);
  return rows.map(decodeJob);
}

/** What {@link finishJob} records. */
export interface FinishInput {
  tx: SqlExecutor;
  job: JobRecord;
  now: number;
  outcome:
    | { state: 'succeeded'; result: unknown }
    | { state: 'failed'; error: JobError }
    | { state: 'retry'; error: JobError; runAt: number };
}

/**
 * Records the end of one attempt, only if the caller still holds the lease: success (dependants
 * whose last dependency this was become ready), failure (dependants are cancelled, transitively)
 * or a retry at a later time.
 *
 * @param input - transaction, job (with the lease token it was claimed with), time, outcome
 * @returns the ids of jobs cancelled because of a failure
 * @throws LeaseLostError when another worker holds the job now
 * @example
 * await finishJob({ tx, job, now, outcome: { state: 'succeeded', result: { ok: true } } });
 */
export async function finishJob(input: FinishInput): Promise<string[]> {
  const { tx, job, now, outcome } = input;
  let set: string;
  let params: unknown[];
  if (outcome.state === 'succeeded') {
    set = `state = 'succeeded', result = ?, finished_at = ?`;
    params = [JSON.stringify(outcome.result ?? null), now];
  } else if (outcome.state === 'failed') {
    set = `state = 'failed', last_error = ?, finished_at = ?`;
    params = [JSON.stringify(outcome.error), now];
  } else {
    set = `state = 'ready', last_error = ?, run_at = ?`;
    params = [JSON.stringify(outcome.error), outcome.runAt];
  }
  // The owner stays on a finished job (who ran it); only a retry clears it.
  const owner = outcome.state === 'retry' ? 'lease_owner = NULL, ' : '';
  const rows = await tx.query(
    `UPDATE accords_job SET ${set}, ${owner}lease_token = NULL, lease_expires_at = NULL, updated_at = ?
     WHERE id = ? AND lease_token = ? AND state = 'running' RETURNING id`,
    [...params, now, job.id, job.leaseToken],
  );
  if (rows.length === 0) throw new LeaseLostError(`job ${job.id} is no longer leased by this worker`);
  if (outcome.state === 'succeeded') {
    await tx.query(
      `UPDATE accords_job SET pending_deps = pending_deps - 1, updated_at = ?
       WHERE state = 'waiting' AND id IN (SELECT job_id FROM accords_job_dep WHERE depends_on = ?)`,
      [now, job.id],
    );
    await tx.query(
      `UPDATE accords_job SET state = 'ready', run_at = ?, updated_at = ?
       WHERE state = 'waiting' AND pending_deps <= 0 AND id IN (SELECT job_id FROM accords_job_dep WHERE depends_on = ?)`,
      [now, now, job.id],
    );
    return [];
  }
  if (outcome.state === 'failed') return cancelDependants({ tx, root: job.id, now });
  return [];
}

/**
 * Cancels, transitively, every unfinished job that depends on `root`.
 *
 * @param input - transaction, the failed job id and the time
 * @returns the ids cancelled
 * @example
 * const cancelled = await cancelDependants({ tx, root: failedId, now });
 */
export async function cancelDependants(input: { tx: SqlExecutor; root: string; now: number }): Promise<string[]> {
  const { tx, now } = input;
  const cancelled: string[] = [];
  const queue = [input.root];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const error: JobError = { code: 'dependency_failed', message: `dependency ${id} did not succeed`, dependency: id };
    const rows = await tx.query<{ id: string }>(
      `UPDATE accords_job SET state = 'cancelled', last_error = ?, finished_at = ?, updated_at = ?
       WHERE state IN ('waiting', 'ready') AND id IN (SELECT job_id FROM accords_job_dep WHERE depends_on = ?) RETURNING id`,
      [JSON.stringify(error), now, now, id],
    );
    for (const r of rows) {
      cancelled.push(String(r.id));
      queue.push(String(r.id));
    }
  }
  return cancelled;
}

/**
 * Cancels every unfinished, unclaimed job of a group (running jobs finish their attempt).
 *
 * @param input - transaction, group and time
 * @returns the ids cancelled
 * @example
 * await cancelGroup({ tx, group: agreementId, now });
 */
export async function cancelGroup(input: { tx: SqlExecutor; group: string; now: number }): Promise<string[]> {
  const error: JobError = { code: 'cancelled', message: 'the work was cancelled' };
  const rows = await input.tx.query<{ id: string }>(
    `UPDATE accords_job SET state = 'cancelled', last_error = ?, finished_at = ?, updated_at = ?
     WHERE group_id = ? AND state IN ('waiting', 'ready') RETURNING id`,
    [JSON.stringify(error), input.now, input.now, input.group],
  );
  return rows.map((r) => String(r.id));
}
