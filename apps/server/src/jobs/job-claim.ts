import { randomUUID } from 'node:crypto';
import { decodeJob } from './job-row';
import type { SqlDatabase } from './sql';
import type { JobRecord } from './job-types';

/** Input of {@link claimJobs}. */
export interface ClaimOptions {
  db: SqlDatabase;
  /** Who claims (process / worker id), stored for operators. */
  owner: string;
  /** The kinds this worker can run. */
  kinds: string[];
  limit: number;
  now: number;
  leaseMs: number;
}

/**
 * Claims up to `limit` runnable jobs: ready ones whose time has come and running ones whose lease
 * expired (their worker died). Each claim gets a fresh lease token; only its holder can renew or
 * finish the job. On PostgreSQL the candidates are locked with `FOR UPDATE SKIP LOCKED`, so
 * concurrent workers in any number of processes never take the same job; on sqlite the single
 * `UPDATE ... WHERE <still claimable>` is atomic because sqlite serialises writers.
 *
 * @param options - database, owner, kinds, batch size, time, lease length
 * @returns the claimed jobs, each with `attempts` already counting this attempt
 * @example
 * const jobs = await claimJobs({ db, owner: 'p1', kinds: ['provision'], limit: 8, now: Date.now(), leaseMs: 30000 });
 */
export async function claimJobs(options: ClaimOptions): Promise<JobRecord[]> {
  const { db, owner, kinds, limit, now, leaseMs } = options;
  if (kinds.length === 0 || limit <= 0) return [];
  const token = randomUUID();
  const kindList = kinds.map(() => '?').join(', ');
  const claimable = `((state = 'ready' AND run_at <= ?) OR (state = 'running' AND lease_expires_at < ?)) AND kind IN (${kindList})`;
  const set = `state = 'running', lease_owner = ?, lease_token = ?, lease_expires_at = ?, attempts = attempts + 1, updated_at = ?`;
  const order = 'ORDER BY priority DESC, run_at, created_at';
  // PostgreSQL may evaluate an `IN (SELECT ... LIMIT n FOR UPDATE SKIP LOCKED)` sub-select more
  // than once and claim more than n rows; a materialised CTE picks the batch exactly once.
  const sql = db.dialect === 'postgres'
    ? `WITH next AS MATERIALIZED (SELECT id FROM accords_job WHERE ${claimable} ${order} LIMIT ? FOR UPDATE SKIP LOCKED)
       UPDATE accords_job SET ${set} FROM next WHERE accords_job.id = next.id RETURNING accords_job.*`
    : `UPDATE accords_job SET ${set} WHERE id IN (SELECT id FROM accords_job WHERE ${claimable} ${order} LIMIT ?) RETURNING *`;
  const params = db.dialect === 'postgres'
    ? [now, now, ...kinds, limit, owner, token, now + leaseMs, now]
    : [owner, token, now + leaseMs, now, now, now, ...kinds, limit];
  const rows = await db.query(sql, params);
  return rows.map(decodeJob).sort((a, b) => b.priority - a.priority || a.runAt - b.runAt || a.createdAt - b.createdAt);
}

/**
 * Extends a job's lease if the caller still holds it.
 *
 * @param options - database, job (with its lease token), time, lease length
 * @returns whether the lease is still held
 * @example
 * if (!(await renewLease({ db, job, now: Date.now(), leaseMs: 30000 }))) abort();
 */
export async function renewLease(options: { db: SqlDatabase; job: JobRecord; now: number; leaseMs: number }): Promise<boolean> {
  const { db, job, now, leaseMs } = options;
  const rows = await db.query(
    `UPDATE accords_job SET lease_expires_at = ?, updated_at = ? WHERE id = ? AND lease_token = ? AND state = 'running' RETURNING id`,
    [now + leaseMs, now, job.id, job.leaseToken],
  );
  return rows.length === 1;
}
