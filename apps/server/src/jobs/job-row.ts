import { num, numOrNull } from './sql';
import type { JobError, JobRecord, JobState } from './job-types';

const json = <T>(text: unknown): T | null => (typeof text === 'string' && text !== '' ? (JSON.parse(text) as T) : null);

/**
 * Decodes a raw `accords_job` row (either dialect) into a {@link JobRecord}.
 *
 * @param row - the row as the driver returned it
 * @returns the decoded job
 * @example
 * const job = decodeJob((await db.query('SELECT * FROM accords_job'))[0]);
 */
export function decodeJob(row: Record<string, unknown>): JobRecord {
  return {
    id: String(row.id),
    kind: String(row.kind),
    group: (row.group_id as string | null) ?? null,
    tenant: (row.tenant as string | null) ?? null,
    idempotencyKey: String(row.idempotency_key),
    payload: json(row.payload),
    result: json(row.result),
    state: row.state as JobState,
    pendingDeps: num(row.pending_deps),
    attempts: num(row.attempts),
    maxAttempts: num(row.max_attempts),
    priority: num(row.priority),
    runAt: num(row.run_at),
    leaseOwner: (row.lease_owner as string | null) ?? null,
    leaseToken: (row.lease_token as string | null) ?? null,
    leaseExpiresAt: numOrNull(row.lease_expires_at),
    lastError: json<JobError>(row.last_error),
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    finishedAt: numOrNull(row.finished_at),
  };
}
