/** The durable job queue, stored in the server's database (sqlite or PostgreSQL). */
export { sqlDatabase, sqlExecutor, withSqliteLock, toDialect } from './sql';
export type { SqlDatabase, SqlExecutor, SqlDialect, TransactionProvider } from './sql';
export { ensureJobTables } from './job-tables';
export { enqueueJobs, findById, findByKey, listGroup, finishJob, cancelDependants, cancelGroup, LeaseLostError } from './job-store';
export type { EnqueueOptions, FinishInput } from './job-store';
export { claimJobs, renewLease } from './job-claim';
export type { ClaimOptions } from './job-claim';
export { JobRunner } from './job-runner';
export type { JobContext, JobHandler, JobOutcome, JobRunnerOptions } from './job-runner';
export { backoffDelay } from './backoff';
export type { BackoffOptions } from './backoff';
export { classifyError } from './classify';
export type { ErrorVerdict } from './classify';
export type { JobState, JobRecord, JobError, EnqueueInput, JobEvent } from './job-types';
