import type { SqlExecutor } from './sql';
import type { JobRecord } from './job-types';

/** Opens the transaction that records a job's outcome (see `JobRunnerOptions.openTransaction`). */
export type OpenJobTransaction = <T>(job: JobRecord, fn: (tx: SqlExecutor, scope: unknown) => Promise<T>) => Promise<T>;

interface Item {
  job: JobRecord;
  work: (tx: SqlExecutor, scope: unknown) => Promise<void>;
  resolve: () => void;
  reject: (e: unknown) => void;
}

/**
 * Group commit: outcomes that finish while a transaction is being written wait and are written
 * together in the next one (per tenant), so a burst of completions costs one commit, not one
 * each. When a batch fails, its members are retried one by one, so one bad outcome never
 * takes the others down.
 *
 * @example
 * const committer = new GroupCommitter(openTransaction);
 * await committer.submit(job, (tx) => finishJob({ tx, job, now, outcome }));
 */
export class GroupCommitter {
  private readonly queue: Item[] = [];
  private draining = false;

  /**
   * @param open - how to open a transaction for a job
   * @param maxBatch - most outcomes per transaction (default 64)
   */
  constructor(private readonly open: OpenJobTransaction, private readonly maxBatch = 64) {}

  /** Queues work for the next transaction; resolves once it is committed. */
  submit(job: JobRecord, work: (tx: SqlExecutor, scope: unknown) => Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ job, work, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private take(): Item[] {
    const tenant = this.queue[0]!.job.tenant;
    const batch: Item[] = [];
    for (let i = 0; i < this.queue.length && batch.length < this.maxBatch; ) {
      if (this.queue[i]!.job.tenant === tenant) batch.push(...this.queue.splice(i, 1));
      else i += 1;
    }
    return batch;
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.take();
        try {
          await this.open(batch[0]!.job, async (tx, scope) => {
            for (const item of batch) await item.work(tx, scope);
          });
          for (const item of batch) item.resolve();
        } catch (error) {
          if (batch.length === 1) {
            batch[0]!.reject(error);
            continue;
          }
          for (const item of batch) {
            try {
              await this.open(item.job, (tx, scope) => item.work(tx, scope));
              item.resolve();
            } catch (e) {
              item.reject(e);
            }
          }
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
