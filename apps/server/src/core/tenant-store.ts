import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { OcciError, applicableActions, unwrap } from '@accords/occi';
import type { AnyEntityData, Attributes, Kind, LinkData, Model, ResourceData } from '@accords/occi';
import { WriteConflict } from '../errors';
import type { Principal } from '../store/tenant-repo';
import { deleteEntity, findEntity, findEntityHead, findEntityWithLinks, insertEntity, listEntities, listLinksFrom, listLinksTouching, updateEntityIfVersion } from '../store/entity-repo';
import type { PluginContext } from '../plugins/types';
import type { HookRegistry } from './hooks';
import { fromRow, toRow } from './stored-entity';
import type { StoredEntity } from './stored-entity';
import { ENTITY_ID, localPath, splitLocation } from './locations';
import { checkPreconditions } from './preconditions';
import type { Preconditions } from './preconditions';

export type { StoredEntity } from './stored-entity';

/** What a write gives back. */
export interface Written {
  entity: StoredEntity;
  /** Attributes to show in this answer only (hooks' secrets). */
  transient?: Attributes;
  /** True when the write created the entity. */
  created: boolean;
}

/** A listing request. */
export interface ListQuery {
  /** Kind identifiers (each with its sub-kinds); every kind when absent. */
  kinds?: string[];
  /** Only members of this mixin. */
  mixin?: string;
}

/** What a {@link TenantStore} is built from. */
export interface StoreDeps {
  manager: EntityManager;
  principal: Principal;
  model: Model;
  hooks: HookRegistry;
  /** The plugin context of the same request (handed to hooks). */
  context: () => PluginContext;
  /** This server's origin as the client sees it, to recognise absolute local URLs. */
  origin?: string;
  /** The configured public URL of this server: absolute URLs on its origin are local too. */
  publicUrl?: string;
  /** Called after a commit that changed a tenant's user mixins. */
  onMixinsChanged?: (tenantId: string) => void;
}

const now = () => new Date().toISOString();

/**
 * The entities of one tenant (every tenant's for an administrator) inside one transaction,
 * with every check HTTP makes: model validation, link ends, hooks and preconditions. Another
 * tenant's entities answer 404 exactly as missing ones do.
 */
export class TenantStore {
  /** Resources created in this unit of work that no link starts from yet: their links need no query. */
  private readonly linkless = new Set<string>();

  constructor(readonly deps: StoreDeps) {}

  /** The model in force (provider categories plus this tenant's mixins). */
  get model(): Model {
    return this.deps.model;
  }

  private get scope() {
    return { tenantId: this.deps.principal.allTenants ? undefined : this.deps.principal.tenantId };
  }

  /**
   * Reads an entity.
   * @param location - its path, e.g. `/compute/42`
   * @returns the entity, or undefined when it is missing or another tenant's
   */
  async find(location: string): Promise<StoredEntity | undefined> {
    const parts = splitLocation(location);
    if (!parts) return undefined;
    const row = await findEntity(this.deps.manager, { ...this.scope, id: parts.id });
    return row && row.collection === parts.collection ? fromRow(row) : undefined;
  }

  /** The kind and link flag of the entity at `location` (indexed columns only), as {@link find} scopes it. */
  private async findHead(location: string): Promise<{ kind: string; isLink: boolean } | undefined> {
    const parts = splitLocation(location);
    if (!parts) return undefined;
    const head = await findEntityHead(this.deps.manager, { ...this.scope, id: parts.id });
    return head && head.collection === parts.collection ? head : undefined;
  }

  /**
   * Reads an entity or fails.
   * @param location - its path
   * @returns the entity
   * @throws OcciError `not_found`
   */
  async get(location: string): Promise<StoredEntity> {
    const found = await this.find(location);
    if (!found) throw new OcciError('not_found', `no entity at ${location}`, { location: { attribute: 'location' } });
    return found;
  }

  /**
   * Lists entities, oldest first.
   * @param query - kinds and mixin
   * @returns the entities
   */
  async list(query: ListQuery = {}): Promise<StoredEntity[]> {
    const kinds = query.kinds?.length ? this.model.kinds().filter((k) => query.kinds!.some((q) => this.model.isKindOf(k.id, q))).map((k) => k.id) : undefined;
    if (kinds && kinds.length === 0) return [];
    const rows = await listEntities(this.deps.manager, { ...this.scope, ...(kinds ? { kinds } : {}), ...(query.mixin ? { mixin: query.mixin } : {}) });
    return rows.map(fromRow);
  }

  /**
   * Reads an entity ready to render (links and actions filled) in one query.
   * @param location - its path
   * @returns the stored entity and its completed data
   * @throws OcciError `not_found`
   */
  async read(location: string): Promise<{ entity: StoredEntity; data: AnyEntityData }> {
    const parts = splitLocation(location);
    if (!parts || this.deps.principal.allTenants) {
      const entity = await this.get(location);
      return { entity, data: (await this.complete([entity]))[0]! };
    }
    const found = await findEntityWithLinks(this.deps.manager, { tenantId: this.deps.principal.tenantId, id: parts.id, location });
    if (!found.row) throw new OcciError('not_found', `no entity at ${location}`, { location: { attribute: 'location' } });
    const entity = fromRow(found.row);
    const actions = this.actionsMemo();
    const data = { ...entity.data, actions: actions(entity.data) };
    if (!('source' in data)) {
      (data as ResourceData).links = found.links.map((row) => {
        const link = fromRow(row).data as LinkData;
        link.actions = actions(link);
        return link;
      });
    }
    return { entity, data };
  }

  /**
   * Fills what rendering needs: each resource's links and each entity's applicable actions.
   * @param entities - stored entities
   * @returns their data, ready to render
   */
  async complete(entities: StoredEntity[]): Promise<AnyEntityData[]> {
    const locations = entities.filter((e) => !('source' in e.data) && !this.linkless.has(e.data.location!)).map((e) => e.data.location!);
    const links = new Map<string, LinkData[]>();
    const actions = this.actionsMemo();
    for (const row of locations.length ? await listLinksFrom(this.deps.manager, { ...this.scope, locations }) : []) {
      const link = fromRow(row).data as LinkData;
      link.actions = actions(link);
      const key = `${row.tenantId} ${link.source.location}`;
      const list = links.get(key) ?? [];
      list.push(link);
      links.set(key, list);
    }
    return entities.map((e) => {
      const data = { ...e.data, actions: actions(e.data) };
      if (!('source' in data)) (data as ResourceData).links = links.get(`${e.tenantId} ${data.location}`) ?? [];
      return data;
    });
  }

  /** Applicable actions depend on kind, mixins and state only: one computation per combination. */
  private actionsMemo(): (entity: AnyEntityData) => string[] {
    const memo = new Map<string, string[]>();
    const machines = new Map<string, ReturnType<Model['stateMachineOf']>>();
    return (entity) => {
      let machine = machines.get(entity.kind);
      if (machine === undefined && !machines.has(entity.kind)) {
        machine = this.model.stateMachineOf(entity.kind);
        machines.set(entity.kind, machine);
      }
      const state = machine ? String(entity.attributes[machine.attribute] ?? '') : '';
      const key = `${entity.kind} ${entity.mixins.join(' ')} ${state}`;
      let found = memo.get(key);
      if (!found) {
        found = applicableActions(this.model, entity);
        memo.set(key, found);
      }
      return [...found];
    };
  }

  /**
   * Creates an entity (and a resource's inline links) after validating it.
   * @param entity - the entity; its id is kept when valid, otherwise one is assigned
   * @param options - `collection`: the kind whose collection received the request; `actor`:
   *   `provider` when the server itself creates the entity, so attributes a client may not set
   *   (a state, say) are accepted at creation (every other check still applies)
   * @returns the stored entity
   * @throws OcciError on validation failures, `conflict` when the id is taken
   */
  async create(entity: AnyEntityData, options: { collection?: Kind; actor?: 'client' | 'provider' } = {}): Promise<Written> {
    const validation = { mode: 'create' as const, actor: options.actor ?? 'client' };
    const kind = this.kindFor(entity, options.collection);
    const id = entity.id === undefined || entity.id === '' ? randomUUID() : entity.id;
    if (!ENTITY_ID.test(id)) throw new OcciError('invalid_attribute', `occi.core.id "${id}" must match ${ENTITY_ID.source}`, { location: { attribute: 'occi.core.id' } });
    const inline = 'source' in entity ? [] : ((entity as ResourceData).links ?? []);
    const location = kind.location! + id;
    let candidate = { ...structuredClone(entity), id, location } as AnyEntityData;
    if (!('source' in candidate)) (candidate as ResourceData).links = [];
    candidate = unwrap(this.model.validateEntity(candidate, validation));
    if ('source' in candidate) candidate = await this.checkLinkEnds(candidate as LinkData);
    let transient: Attributes | undefined;
    for (const hooks of this.deps.hooks.for(this.model, candidate.kind)) {
      const outcome = await hooks.onCreate?.(this.deps.context(), candidate);
      if (outcome?.entity) candidate = unwrap(this.model.validateEntity({ ...outcome.entity, id, location }, validation));
      if (outcome?.transient) transient = { ...transient, ...outcome.transient };
    }
    const stamp = now();
    const row = toRow(candidate, { tenantId: this.deps.principal.tenantId, collection: kind.location!, version: 1, createdAt: stamp, updatedAt: stamp });
    try {
      await insertEntity(this.deps.manager, row);
    } catch (cause) {
      throw isUniqueViolation(cause) ? conflict(id, cause) : cause;
    }
    if ('source' in candidate) this.linkless.delete(candidate.source.location);
    else if (inline.length === 0) this.linkless.add(location);
    for (const link of inline) {
      await this.create({ ...link, id: link.id ?? '', source: { location, kind: candidate.kind } } as LinkData);
    }
    return { entity: fromRow(row), created: true, ...(transient ? { transient } : {}) };
  }

  /**
   * Replaces an entity (PUT), keeping its links; creates it at this location when missing.
   * @param location - the entity's path
   * @param entity - the complete new entity
   * @param options - `If-Match` / `If-None-Match`
   * @returns the stored entity
   * @throws OcciError on validation failures; ServerError `precondition_failed`
   */
  async replace(location: string, entity: AnyEntityData, options: Preconditions = {}): Promise<Written> {
    const parts = splitLocation(location);
    if (!parts) throw new OcciError('not_found', `${location} is not an entity location`, { location: { attribute: 'location' } });
    if (entity.id && entity.id !== parts.id) {
      throw new OcciError('invalid_attribute', `occi.core.id "${entity.id}" differs from the id in the URL "${parts.id}"`, { location: { attribute: 'occi.core.id' } });
    }
    const previous = await this.find(location);
    checkPreconditions(previous, options);
    if (!previous) {
      const kind = this.model.findByLocation(parts.collection);
      if (!kind || !('parent' in kind)) throw new OcciError('not_found', `${parts.collection} is not a kind collection`, { location: { attribute: 'location' } });
      return this.create({ ...entity, id: parts.id }, { collection: kind as Kind });
    }
    if (entity.kind !== previous.data.kind) {
      throw new OcciError('invalid_attribute', `kind ${entity.kind} differs from the entity's kind ${previous.data.kind}`, { location: { attribute: 'kind' } });
    }
    const next = { ...structuredClone(entity), id: parts.id, location } as AnyEntityData;
    if (!('source' in next)) (next as ResourceData).links = [];
    return this.write(previous, { entity: next, mode: 'replace' });
  }

  /**
   * Updates an entity partially (POST): the given attributes are set, the given mixins added.
   * @param location - the entity's path
   * @param partial - attributes, mixins, title, summary to change
   * @param options - `If-Match`
   * @returns the stored entity
   * @throws OcciError `not_found` and validation failures; ServerError `precondition_failed`
   */
  async update(location: string, partial: Partial<AnyEntityData>, options: Preconditions = {}): Promise<Written> {
    const previous = await this.get(location);
    checkPreconditions(previous, options);
    if (partial.id && partial.id !== previous.data.id) {
      throw new OcciError('invalid_attribute', `occi.core.id "${partial.id}" differs from the id in the URL "${previous.data.id}"`, { location: { attribute: 'occi.core.id' } });
    }
    if (partial.kind && partial.kind !== previous.data.kind) {
      throw new OcciError('invalid_attribute', `kind ${partial.kind} differs from the entity's kind ${previous.data.kind}`, { location: { attribute: 'kind' } });
    }
    const next = structuredClone(previous.data);
    Object.assign(next.attributes, partial.attributes ?? {});
    for (const mixin of partial.mixins ?? []) if (!next.mixins.includes(mixin)) next.mixins.push(mixin);
    if (partial.title !== undefined) next.title = partial.title;
    if ('summary' in partial && partial.summary !== undefined && !('source' in next)) (next as ResourceData).summary = partial.summary;
    if ('target' in partial && partial.target && 'target' in next) next.target = partial.target;
    return this.write(previous, { entity: next, mode: 'update' });
  }

  /**
   * Stores a new version of an existing entity: validation, link ends, hooks, compare-and-set.
   * @param previous - the version read
   * @param change - the new entity and the validation mode
   * @returns the stored entity
   * @throws ServerError `precondition_failed` when a concurrent writer got there first
   */
  async write(previous: StoredEntity, change: { entity: AnyEntityData; mode: 'replace' | 'update' }): Promise<Written> {
    let next = unwrap(this.model.validateEntity(change.entity, { mode: change.mode, previous: previous.data }));
    if ('source' in next) next = await this.checkLinkEnds(next as LinkData);
    let transient: Attributes | undefined;
    for (const hooks of this.deps.hooks.for(this.model, next.kind)) {
      const outcome = await hooks.onUpdate?.(this.deps.context(), { entity: next, previous });
      if (outcome?.entity) next = unwrap(this.model.validateEntity(outcome.entity, { mode: change.mode, previous: previous.data }));
      if (outcome?.transient) transient = { ...transient, ...outcome.transient };
    }
    return { entity: await this.store(previous, next), created: false, ...(transient ? { transient } : {}) };
  }

  /**
   * Writes a validated entity over `previous` if nobody changed it meanwhile.
   * @param previous - the version read
   * @param next - the validated entity
   * @returns the stored entity
   * @throws ServerError `precondition_failed` when a concurrent writer got there first
   */
  async store(previous: StoredEntity, next: AnyEntityData): Promise<StoredEntity> {
    const location = previous.data.location!;
    if ('source' in next) this.linkless.delete(next.source.location);
    const row = toRow(next, { tenantId: previous.tenantId, collection: splitLocation(location)!.collection, version: previous.version + 1, createdAt: previous.createdAt, updatedAt: now() });
    if (!(await updateEntityIfVersion(this.deps.manager, { row, expectedVersion: previous.version }))) {
      throw new WriteConflict(`${location} was changed by another request meanwhile (version ${previous.version} is gone)`);
    }
    // The row as written is the row a read would give back.
    return fromRow(row);
  }

  /**
   * Deletes an entity; a resource's links (from or to it) go with it.
   * @param location - the entity's path
   * @param options - `If-Match`
   * @throws OcciError `not_found`; ServerError `precondition_failed`
   */
  async remove(location: string, options: Preconditions = {}): Promise<void> {
    const entity = await this.get(location);
    checkPreconditions(entity, options);
    for (const hooks of this.deps.hooks.for(this.model, entity.data.kind)) await hooks.onDelete?.(this.deps.context(), entity);
    if (!('source' in entity.data)) {
      for (const link of await listLinksTouching(this.deps.manager, { tenantId: entity.tenantId, location })) {
        const stored = fromRow(link);
        for (const hooks of this.deps.hooks.for(this.model, stored.data.kind)) await hooks.onDelete?.(this.deps.context(), stored);
        await deleteEntity(this.deps.manager, { tenantId: link.tenantId, id: link.id });
      }
    }
    if (!(await deleteEntity(this.deps.manager, { tenantId: entity.tenantId, id: entity.data.id, expectedVersion: entity.version }))) {
      throw new WriteConflict(`${location} was changed by another request meanwhile`);
    }
  }

  private kindFor(entity: AnyEntityData, collection?: Kind): Kind {
    const kind = this.model.getKind(entity.kind);
    if (!kind) throw new OcciError('unknown_category', `kind ${entity.kind} is not known to this server`, { location: { attribute: 'kind' } });
    if (collection && kind.id !== collection.id) {
      throw new OcciError('invalid_attribute', `an entity of kind ${kind.id} cannot be created in the collection of ${collection.id} (${collection.location})`, { location: { attribute: 'kind' } });
    }
    if (kind.location === undefined) throw new OcciError('invalid_attribute', `kind ${kind.id} has no location: it cannot be instantiated`, { location: { attribute: 'kind' } });
    return kind;
  }

  /**
   * Reduces a location sent by the client to a path on this server: paths are kept, absolute
   * URLs are accepted on this server's origin (the one the request addressed, or the configured
   * public URL) and refused on any other.
   * @param location - what the client sent
   * @param where - the attribute or body part it came from, for the error
   * @returns the local path
   * @throws OcciError `invalid_attribute` (400) for another origin's URL or a URL with a query
   */
  toLocal(location: string, where: { attribute: string; what?: string }): string {
    const found = localPath(location, [this.deps.origin, this.deps.publicUrl]);
    if ('local' in found) return found.local;
    const what = where.what ?? where.attribute;
    const mine = [this.deps.origin, this.deps.publicUrl].filter((o) => o !== undefined).join(' or ') || 'no absolute URL';
    const why = 'invalid' in found ? found.invalid : `${found.external} is not on this server (${mine}): ${what} must name an entity of this server`;
    throw new OcciError('invalid_attribute', `${what}: ${why}`, { location: { attribute: where.attribute } });
  }

  private async checkLinkEnds(link: LinkData): Promise<LinkData> {
    const checked = structuredClone(link);
    for (const end of ['source', 'target'] as const) {
      const attribute = `occi.core.${end}`;
      const local = this.toLocal(link[end].location, { attribute });
      const found = await this.findHead(local);
      if (!found || found.isLink) throw new OcciError('invalid_attribute', `${attribute}: no resource at ${local}`, { location: { attribute } });
      checked[end] = { location: local, kind: found.kind };
    }
    return checked;
  }
}

/** A primary-key clash: sqlite's SQLITE_CONSTRAINT or PostgreSQL's unique_violation (23505). */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT' || /UNIQUE constraint failed/.test(String((error as Error)?.message));
}

function conflict(id: string, cause?: unknown) {
  return new OcciError('conflict', `an entity with id ${id} already exists`, { location: { attribute: 'occi.core.id' }, ...(cause ? { cause } : {}) });
}
