import type { EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import type { Model } from '@accords/occi';
import type { Database } from '../store/database';
import type { Principal } from '../store/tenant-repo';
import { listUserMixins } from '../store/mixin-repo';
import type { PluginContext, ServerPlugin } from '../plugins/types';
import { serverError } from '../errors';
import { HookRegistry } from './hooks';
import { TenantStore } from './tenant-store';

/** What a unit of work needs beside its function. */
export interface WorkOptions {
  principal: Principal;
  log?: Logger;
  /** This server's origin as the client sees it. */
  origin?: string;
  /** Absolute time (ms since the epoch) after which the work must not commit. */
  deadline?: number;
  /** The work only reads: no transaction is opened (see `Database.read`). */
  readOnly?: boolean;
}

/** Builds, for each unit of work, the principal's model, store and plugin context in one transaction. */
export class Tenancy {
  readonly hooks: HookRegistry;
  private readonly models = new Map<string, Model>();

  constructor(readonly deps: { db: Database; model: Model; plugins: readonly ServerPlugin[]; log: Logger; publicUrl?: string }) {
    this.hooks = new HookRegistry(deps.plugins);
  }

  /** The provider model. */
  get model(): Model {
    return this.deps.model;
  }

  /**
   * Runs `fn` in one transaction as `options.principal`; `afterCommit` callbacks run once it commits.
   * @param options - principal, logger, origin and deadline
   * @param fn - the work
   * @returns what `fn` returns
   * @throws whatever `fn` throws (the transaction is rolled back); ServerError `unavailable` past the deadline
   */
  async run<T>(options: WorkOptions, fn: (ctx: PluginContext) => Promise<T>): Promise<T> {
    const after: Array<() => void | Promise<void>> = [];
    const db = this.deps.db;
    const run = options.readOnly ? db.read.bind(db) : db.transaction.bind(db);
    const result = await run(async (manager: EntityManager) => {
      const ctx = await this.context({ manager, options, after });
      const value = await fn(ctx);
      if (options.deadline !== undefined && Date.now() > options.deadline) {
        throw serverError('unavailable', 'the request ran out of time; nothing was changed');
      }
      return value;
    });
    for (const callback of after) {
      try {
        await callback();
      } catch (error) {
        (options.log ?? this.deps.log).error({ err: error }, 'afterCommit callback failed');
      }
    }
    return result;
  }

  /**
   * The model of a principal: the provider model plus its tenant's user mixins.
   * @param manager - the transaction
   * @param principal - the principal
   * @returns the model
   */
  async modelFor(manager: EntityManager, principal: Principal): Promise<Model> {
    if (principal.allTenants) return this.deps.model;
    const cached = this.models.get(principal.tenantId);
    if (cached) return cached;
    const mixins = await listUserMixins(manager, principal.tenantId);
    let model = this.deps.model;
    if (mixins.length > 0) {
      model = this.deps.model.clone();
      for (const mixin of mixins) model.addUserMixin(mixin);
    }
    // Only sqlite caches: one process owns the file and sees every change; PostgreSQL may be shared.
    if (this.deps.db.type === 'sqlite') this.models.set(principal.tenantId, model);
    return model;
  }

  /**
   * Forgets a tenant's cached model (after its user mixins changed).
   * @param tenantId - the tenant
   */
  forgetModel(tenantId: string): void {
    this.models.delete(tenantId);
  }

  private async context(args: { manager: EntityManager; options: WorkOptions; after: Array<() => void | Promise<void>> }): Promise<PluginContext> {
    const { manager, options, after } = args;
    const model = await this.modelFor(manager, options.principal);
    const ctx = {
      principal: options.principal,
      manager,
      model,
      log: options.log ?? this.deps.log,
      afterCommit: (callback: () => void | Promise<void>) => {
        after.push(callback);
      },
    } as Omit<PluginContext, 'store'> as PluginContext;
    ctx.store = new TenantStore({
      manager,
      principal: options.principal,
      model,
      hooks: this.hooks,
      context: () => ctx,
      onMixinsChanged: (tenantId) => this.forgetModel(tenantId),
      ...(options.origin ? { origin: options.origin } : {}),
      ...(this.deps.publicUrl ? { publicUrl: this.deps.publicUrl } : {}),
    });
    return ctx;
  }
}
