import type { Connector } from '@accords/connector-kit';
import type { Catalogue, SignalSeries } from '@accords/model';
import { JobRunner, sqlDatabase, sqlExecutor } from '../jobs';
import type { BackoffOptions, SqlDatabase, SqlExecutor } from '../jobs';
import type { PluginApi, PluginContext } from '../plugins/types';
import { JOB } from './workflow/context';
import type { BrokerDeps } from './workflow/context';
import { readSupply } from './workflow/schedule';
import type { Supply } from './workflow/schedule';
import { provisionHandler } from './workflow/provision-job';
import { releaseHandler } from './workflow/release-job';
import { actHandler } from './workflow/act-job';
import { moveHandler } from './workflow/replace';
import { occiProjection } from './occi/occi-projection';
import type { ReconcileReport } from './watch/reconcile';

/** Settings of the broker's job runner. */
export interface BrokerJobOptions {
  /** Jobs run at once per server process (default 32). */
  concurrency?: number;
  /** Lease length in ms (default 30 000; heartbeats every third). */
  leaseMs?: number;
  /** Poll period when idle, ms (default 250). */
  pollMs?: number;
  backoff?: BackoffOptions;
  /** Worker id stored in leases (default host:pid:random). */
  owner?: string;
}

/** Options of `createBrokerPlugin`. */
export interface BrokerPluginOptions {
  /** The connectors the broker places over and provisions with (or a function that loads them once). */
  connectors: Connector[] | (() => Promise<Connector[]>);
  /** Providers (names, headquarters) of the catalogue; regions and offers come from the connectors. */
  catalogue?: () => Catalogue | Promise<Catalogue>;
  /** Carbon and price signals the scheduler weighs. */
  signals?: () => SignalSeries[] | Promise<SignalSeries[]>;
  /** Time source in epoch ms (default `Date.now`). */
  clock?: () => number;
  jobs?: BrokerJobOptions;
  /** How often a pending provider resource is polled, ms (default 50). */
  providerPollMs?: number;
  /** Period of reconciliation, guarantee evaluation and usage recording, ms (default 30 000; 0 disables). */
  watchMs?: number;
  /** How long the supply (offers, regions, signals) read from the connectors is reused, ms (default 2 000). */
  supplyTtlMs?: number;
  /** Re-place running services when prices or signals change (during the watch pass; default true). */
  replace?: boolean;
}

/** The broker's state shared by its hooks, routes and services within one server process. */
export class BrokerRuntime {
  readonly clock: () => number;
  private connectorsP: Promise<Map<string, Connector>> | undefined;
  private supplyCache: { at: number; value: Promise<Supply> } | undefined;
  api: PluginApi | undefined;
  db: SqlDatabase | undefined;
  runner: JobRunner | undefined;
  /** The last reconciliation's findings (unknown provider resources are reported here, never deleted). */
  lastReconcile: ReconcileReport | undefined;

  constructor(readonly options: BrokerPluginOptions) {
    this.clock = options.clock ?? Date.now;
  }

  /** The loaded connectors by provider id (loaded once). */
  connectors(): Promise<Map<string, Connector>> {
    this.connectorsP ??= (async () => {
      const list = typeof this.options.connectors === 'function' ? await this.options.connectors() : this.options.connectors;
      return new Map(list.map((c) => [c.providerId, c]));
    })();
    return this.connectorsP;
  }

  /** The supply, reused for `supplyTtlMs`. */
  supply(): Promise<Supply> {
    const now = Date.now();
    if (!this.supplyCache || now - this.supplyCache.at > (this.options.supplyTtlMs ?? 2_000)) {
      const value = this.connectors().then((m) => readSupply({
        connectors: [...m.values()],
        ...(this.options.catalogue ? { catalogue: this.options.catalogue } : {}),
        ...(this.options.signals ? { signals: this.options.signals } : {}),
      }));
      value.catch(() => { this.supplyCache = undefined; });
      this.supplyCache = { at: now, value };
    }
    return this.supplyCache.value;
  }

  /** The workflow's dependencies (the connectors must have been loaded). */
  async deps(): Promise<BrokerDeps> {
    const connectors = await this.connectors();
    return {
      db: this.db as SqlDatabase, connectors, supply: () => this.supply(), clock: this.clock,
      wake: () => setImmediate(() => this.runner?.wake()), pollMs: this.options.providerPollMs ?? 50,
    };
  }

  /**
   * Starts the job runner on the server's database: every job's outcome is recorded in a
   * transaction bound to the job's tenant, together with the OCCI entities it changes.
   */
  async start(api: PluginApi): Promise<void> {
    this.api = api;
    const dataSource = await api.transaction(async (m) => m.connection);
    this.db = sqlDatabase(dataSource, (fn) => api.transaction(fn));
    const deps = await this.deps();
    const projectionOf = (_tx: SqlExecutor, scope: unknown) => occiProjection(scope as PluginContext);
    const j = this.options.jobs ?? {};
    this.runner = new JobRunner({
      db: this.db,
      handlers: {
        [JOB.provision]: provisionHandler({ deps, projectionOf }),
        [JOB.release]: releaseHandler({ deps, projectionOf }),
        [JOB.act]: actHandler({ deps, projectionOf }),
        [JOB.move]: moveHandler({ deps, projectionOf }),
      },
      concurrency: j.concurrency ?? 32, leaseMs: j.leaseMs ?? 30_000, pollMs: j.pollMs ?? 250, clock: this.clock,
      ...(j.backoff ? { backoff: j.backoff } : {}), ...(j.owner ? { owner: j.owner } : {}),
      openTransaction: (job, fn) =>
        job.tenant
          ? api.withTenant(job.tenant, (ctx) => fn(sqlExecutor(ctx.manager), ctx))
          : api.transaction((m) => fn(sqlExecutor(m), undefined)),
    });
    this.runner.start();
  }

  /** Stops the runner (jobs in flight record an interrupted attempt and resume elsewhere). */
  async stop(): Promise<void> {
    await this.runner?.stop();
  }
}
