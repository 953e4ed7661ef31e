/** Where a job is in its life. `waiting` jobs have unfinished dependencies. */
export type JobState = 'waiting' | 'ready' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** The JSON error stored on a job that failed, was retried or was cancelled. */
export interface JobError {
  /** Machine-readable code (a connector error code, `lease_expired`, `dependency_failed`, ...). */
  code: string;
  message: string;
  /** Whether the error was judged retryable. */
  retryable?: boolean;
  /** The job whose failure cancelled this one. */
  dependency?: string;
}

/** One row of the job queue, decoded. */
export interface JobRecord<P = unknown, R = unknown> {
  id: string;
  kind: string;
  /** A grouping key, e.g. the agreement the job works for. */
  group: string | null;
  tenant: string | null;
  idempotencyKey: string;
  payload: P;
  result: R | null;
  state: JobState;
  pendingDeps: number;
  attempts: number;
  maxAttempts: number;
  priority: number;
  /** Epoch milliseconds before which the job is not claimed. */
  runAt: number;
  leaseOwner: string | null;
  leaseToken: string | null;
  leaseExpiresAt: number | null;
  lastError: JobError | null;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
}

/** A job to add to the queue. */
export interface EnqueueInput<P = unknown> {
  kind: string;
  payload: P;
  /** The same key never makes a second job: enqueueing it again returns the first. */
  idempotencyKey: string;
  group?: string;
  tenant?: string;
  /** Idempotency keys (of this batch or earlier jobs) or job ids that must succeed first. */
  dependsOn?: string[];
  maxAttempts?: number;
  priority?: number;
  /** Epoch milliseconds; defaults to now. */
  runAt?: number;
}

/** A job state change, as reported to listeners (and on the SSE stream). */
export interface JobEvent {
  id: string;
  kind: string;
  group: string | null;
  state: JobState | 'retrying';
  attempt: number;
  error?: JobError;
  at: number;
}
