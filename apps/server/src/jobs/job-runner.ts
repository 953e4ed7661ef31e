import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { backoffDelay, type BackoffOptions } from './backoff';
import { classifyError, type ErrorVerdict } from './classify';
import { claimJobs, renewLease } from './job-claim';
import { finishJob, LeaseLostError } from './job-store';
import { GroupCommitter } from './group-commit';
import type { SqlDatabase, SqlExecutor } from './sql';
import type { JobError, JobEvent, JobRecord } from './job-types';

/** What a handler sees while it runs one attempt of a job. */
export interface JobContext<P = unknown> {
  job: JobRecord<P>;
  /** Aborted when the lease is lost or the runner stops. */
  signal: AbortSignal;
  db: SqlDatabase;
}

/** What a successful attempt returns: the stored result and optional writes in the same transaction. */
export interface JobOutcome<R = unknown> {
  result: R;
  /**
   * Runs in the transaction that marks the job succeeded (nothing is half-written); `scope` is
   * what the runner's `openTransaction` provides (e.g. the tenant's entity store).
   */
  commit?: (tx: SqlExecutor, scope: unknown) => Promise<void>;
}

/** The code for one kind of job. */
export interface JobHandler<P = unknown, R = unknown> {
  run(ctx: JobContext<P>): Promise<JobOutcome<R>>;
  /** Runs in the transaction that marks the job failed for good; `cancelled` are dependants cancelled with it. */
  onFailed?(input: { tx: SqlExecutor; scope: unknown; job: JobRecord<P>; error: JobError; cancelled: string[] }): Promise<void>;
}

/** Settings of a {@link JobRunner}. */
export interface JobRunnerOptions {
  db: SqlDatabase;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handlers: Record<string, JobHandler<any, any>>;
  /** Worker id stored in leases; defaults to host:pid:random. */
  owner?: string;
  /** Jobs run at once by this runner (default 16). */
  concurrency?: number;
  /** Lease length (default 30 s); heartbeats renew it every third of that. */
  leaseMs?: number;
  /** How often to look for work when nothing woke the runner (default 250 ms). */
  pollMs?: number;
  backoff?: BackoffOptions;
  clock?: () => number;
  random?: () => number;
  classify?: (error: unknown) => ErrorVerdict;
  /**
   * Opens the transaction that records a job's outcome (default: `db.transaction`, scope
   * undefined). A server passes its own, e.g. one bound to the job's tenant.
   */
  openTransaction?: <T>(job: JobRecord, fn: (tx: SqlExecutor, scope: unknown) => Promise<T>) => Promise<T>;
}

/**
 * Runs jobs from the durable queue: claims with a lease, renews it while the handler works,
 * records success, retries (jittered backoff) or failure in one transaction guarded by the lease
 * token, and picks up jobs whose worker died once their lease expires.
 *
 * @example
 * const runner = new JobRunner({ db, handlers: { hello: { run: async () => ({ result: 'hi' }) } } });
 * runner.start();
 * await runner.stop();
 */
export class JobRunner {
  readonly owner: string;
  private readonly opts: Required<Omit<JobRunnerOptions, 'owner'>>;
  private readonly active = new Map<string, AbortController>();
  private readonly listeners = new Set<(e: JobEvent) => void>();
  private readonly idleWaiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private ticking = false;
  private again = false;
  private lastClaimEmpty = false;
  private readonly committer: GroupCommitter;

  constructor(options: JobRunnerOptions) {
    this.owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.opts = {
      concurrency: 16, leaseMs: 30_000, pollMs: 250, backoff: { baseMs: 200, maxMs: 30_000 },
      clock: Date.now, random: Math.random, classify: classifyError,
      openTransaction: <T>(_job: JobRecord, fn: (tx: SqlExecutor, scope: unknown) => Promise<T>) =>
        options.db.transaction((tx) => fn(tx, undefined)),
      ...options,
    };
    this.committer = new GroupCommitter(this.opts.openTransaction);
  }

  /** Starts claiming work. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.wake();
  }

  /** Stops claiming; aborts running handlers and waits for them to record their outcome. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    for (const ac of this.active.values()) ac.abort(new Error('runner stopping'));
    while (this.active.size > 0 || this.ticking) await new Promise((r) => setTimeout(r, 5));
  }

  /** Looks for work now (call after enqueueing). */
  wake(): void {
    if (!this.running) return;
    void this.tick();
  }

  /** Subscribes to job state changes; returns the unsubscribe function. */
  onEvent(listener: (e: JobEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once nothing is running and the last look found nothing to claim. */
  whenIdle(): Promise<void> {
    if (this.active.size === 0 && this.lastClaimEmpty && !this.ticking) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private emit(job: JobRecord, state: JobEvent['state'], error?: JobError): void {
    const event: JobEvent = { id: job.id, kind: job.kind, group: job.group, state, attempt: job.attempts, at: this.opts.clock() };
    if (error) event.error = error;
    for (const l of this.listeners) l(event);
  }

  private async tick(): Promise<void> {
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = true;
    if (this.timer) clearTimeout(this.timer);
    try {
      do {
        this.again = false;
        const free = this.opts.concurrency - this.active.size;
        if (free <= 0 || !this.running) break;
        const jobs = await claimJobs({
          db: this.opts.db, owner: this.owner, kinds: Object.keys(this.opts.handlers),
          limit: free, now: this.opts.clock(), leaseMs: this.opts.leaseMs,
        });
        this.lastClaimEmpty = jobs.length === 0;
        for (const job of jobs) this.launch(job);
        if (jobs.length === free) this.again = true;
      } while (this.again && this.running);
    } catch (err) {
      this.lastClaimEmpty = false;
      process.emitWarning(`job runner: claim failed: ${(err as Error).message}`);
    } finally {
      this.ticking = false;
      if (this.running) {
        this.timer = setTimeout(() => void this.tick(), this.opts.pollMs);
        this.timer.unref();
      }
      this.settleIdle();
    }
  }

  private settleIdle(): void {
    if (this.active.size === 0 && this.lastClaimEmpty && !this.ticking) {
      for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  private launch(job: JobRecord): void {
    const ac = new AbortController();
    this.active.set(job.id, ac);
    this.emit(job, 'running');
    const heartbeat = setInterval(() => {
      renewLease({ db: this.opts.db, job, now: this.opts.clock(), leaseMs: this.opts.leaseMs })
        .then((held) => held || ac.abort(new LeaseLostError(`lease on job ${job.id} lost`)))
        .catch(() => undefined);
    }, Math.max(10, Math.floor(this.opts.leaseMs / 3)));
    void this.execute(job, ac).finally(() => {
      clearInterval(heartbeat);
      this.active.delete(job.id);
      this.lastClaimEmpty = false;
      if (this.running) this.wake();
      else this.settleIdle();
    });
  }

  private async execute(job: JobRecord, ac: AbortController): Promise<void> {
    const handler = this.opts.handlers[job.kind];
    try {
      if (!handler) throw Object.assign(new Error(`no handler for job kind ${job.kind}`), { code: 'no_handler' });
      if (job.attempts > job.maxAttempts) {
        throw Object.assign(new Error(`gave up after ${job.maxAttempts} attempts (last lease expired)`), { code: 'attempts_exhausted' });
      }
      const outcome = await handler.run({ job, signal: ac.signal, db: this.opts.db });
      if (ac.signal.aborted && ac.signal.reason instanceof LeaseLostError) throw ac.signal.reason;
      await this.committer.submit(job, async (tx, scope) => {
        await finishJob({ tx, job, now: this.opts.clock(), outcome: { state: 'succeeded', result: outcome.result } });
        await outcome.commit?.(tx, scope);
      });
      this.emit({ ...job, result: outcome.result }, 'succeeded');
    } catch (err) {
      await this.recordFailure(job, { err, handler, ac }).catch((e: unknown) => {
        if (!(e instanceof LeaseLostError)) process.emitWarning(`job runner: could not record failure of ${job.id}: ${(e as Error).message}`);
      });
    }
  }

  private async recordFailure(job: JobRecord, ctx: { err: unknown; handler: JobHandler | undefined; ac: AbortController }): Promise<void> {
    const { err, handler, ac } = ctx;
    if (err instanceof LeaseLostError) return;
    const now = this.opts.clock();
    const verdict = this.opts.classify(err);
    const interrupted = ac.signal.aborted && !this.running;
    const error: JobError = { code: interrupted ? 'interrupted' : verdict.code, message: verdict.message, retryable: verdict.retryable };
    if (interrupted || (verdict.retryable && job.attempts < job.maxAttempts)) {
      const delay = interrupted
        ? 0
        : backoffDelay({ ...this.opts.backoff, attempt: job.attempts, random: this.opts.random, ...(verdict.suggestedMs !== undefined ? { suggestedMs: verdict.suggestedMs } : {}) });
      await this.opts.openTransaction(job, (tx) => finishJob({ tx, job, now, outcome: { state: 'retry', error, runAt: now + delay } }));
      this.emit(job, 'retrying', error);
      return;
    }
    await this.opts.openTransaction(job, async (tx, scope) => {
      const cancelled = await finishJob({ tx, job, now, outcome: { state: 'failed', error } });
      await handler?.onFailed?.({ tx, scope, job, error, cancelled });
    });
    this.emit(job, 'failed', error);
  }
}
