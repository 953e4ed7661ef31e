import type { Router } from 'express';
import type { Logger } from 'pino';
import type { EntityManager, EntitySchema } from 'typeorm';
import type { AnyEntityData, Attributes, Model } from '@accords/occi';
import type { Principal } from '../store/tenant-repo';
import type { MigrationClass } from '../store/database';
import type { TenantStore, StoredEntity } from '../core/tenant-store';

/** What every hook gets: who acts, the request's transaction, and the store bound to both. */
export interface PluginContext {
  /** The tenant (or administrator) the work is done for. */
  principal: Principal;
  /** The entity store of this principal, inside the current transaction (same checks as HTTP). */
  store: TenantStore;
  /** The current transaction, for a plugin's own tables. */
  manager: EntityManager;
  /** The model in force for this principal (provider categories plus its user mixins). */
  model: Model;
  /** A logger carrying the request id. */
  log: Logger;
  /** Runs `fn` after the transaction commits (never when it rolls back). */
  afterCommit(fn: () => void | Promise<void>): void;
}

/** What a lifecycle hook may give back. */
export interface HookOutcome {
  /** A replacement for the entity about to be stored (it is validated again). */
  entity?: AnyEntityData;
  /** Attributes shown in this answer only, never stored (e.g. a secret shown once). */
  transient?: Attributes;
}

/** An action invocation as a handler receives it. */
export interface ActionRequest {
  /** Action identifier (scheme + term). */
  action: string;
  /** The invocation's parameters, validated against the action's definition. */
  attributes: Attributes;
  /**
   * The entity as the standard state machine leaves it (the server's default outcome), or
   * undefined when the action has no standard transition.
   */
  proposed?: AnyEntityData;
}

/** What an action handler may give back. */
export interface ActionOutcome {
  /** The entity to store after the action (default: `proposed`, or unchanged). */
  entity?: AnyEntityData;
  /** Attributes shown in this answer only, never stored. */
  transient?: Attributes;
}

/** Hooks for the entities of one kind (every hook runs inside the request's transaction). */
export interface KindHooks {
  /** Before a new entity is stored; throw an AccordsError to refuse. */
  onCreate?(ctx: PluginContext, entity: AnyEntityData): Promise<HookOutcome | void>;
  /** Before a replaced or updated entity is stored; throw to refuse. */
  onUpdate?(ctx: PluginContext, change: { entity: AnyEntityData; previous: StoredEntity }): Promise<HookOutcome | void>;
  /** Before an entity is deleted (its links are deleted first); throw to refuse. */
  onDelete?(ctx: PluginContext, entity: StoredEntity): Promise<void>;
  /** Performs an action the state machine allows; throw to refuse. */
  onAction?(ctx: PluginContext, entity: StoredEntity, request: ActionRequest): Promise<ActionOutcome | void>;
}

/** What background services and routes get from the running server. */
export interface PluginApi {
  /** The server's logger. */
  log: Logger;
  /** The provider model (shared by every tenant). */
  model: Model;
  /** The server's options, as resolved. */
  options: { databaseUrl: string; connectors?: string };
  /** Runs `fn` for a tenant in one transaction (commits when it resolves). */
  withTenant<T>(tenantId: string, fn: (ctx: PluginContext) => Promise<T>): Promise<T>;
  /** Runs `fn` as the administrator (sees every tenant) in one transaction. */
  asAdmin<T>(fn: (ctx: PluginContext) => Promise<T>): Promise<T>;
  /** Runs `fn` in one transaction without a principal (a plugin's own tables). */
  transaction<T>(fn: (manager: EntityManager) => Promise<T>): Promise<T>;
  /** The principal of an authenticated request (plugin routes run after authentication). */
  principalOf(res: { locals: Record<string, unknown> }): Principal;
  /** Runs `fn` in one transaction as a principal (e.g. the one of a plugin route's request). */
  runAs<T>(options: { principal: Principal; log?: Logger; origin?: string }, fn: (ctx: PluginContext) => Promise<T>): Promise<T>;
}

/**
 * An extension of the server (the broker is one): categories, tables, hooks, routes and
 * background services.
 * @example
 * ```ts
 * const plugin: ServerPlugin = { name: 'hello', categories: (model) => model.addKind(...), kinds: {} };
 * ```
 */
export interface ServerPlugin {
  /** A unique name, used in logs. */
  name: string;
  /** Adds provider categories (kinds, mixins, actions) to the model. */
  categories?(model: Model): void;
  /** The plugin's own typeorm tables. */
  tables?: EntitySchema[];
  /** Migrations creating those tables (run at start-up after the core ones). */
  migrations?: MigrationClass[];
  /** Hooks keyed by kind identifier (scheme + term). */
  kinds?: Record<string, KindHooks>;
  /** Mounts extra routes; they run after authentication (`api.principalOf(res)`). */
  routes?(router: Router, api: PluginApi): void;
  /** Starts background services once the server listens. */
  start?(api: PluginApi): Promise<void>;
  /** Stops them when the server closes. */
  stop?(): Promise<void>;
}
