import { OcciError } from '../errors';
import type { Result } from '../errors';
import type { AttributeDefinition } from './attribute-definition';
import { Action, Kind, Mixin, checkIdentity } from './category';
import type { ActionData, CategoryCollection, KindData, MixinData } from './category';
import type { AnyEntityData, ActionInvocation } from './entity';
import type { StateMachine } from './state-machine';
import { validateEntityAgainst, validateActionAgainst } from './validate-entity';
import type { ValidateEntityOptions } from './validate-entity';

/** Any registered category. */
export type AnyCategory = Kind | Mixin | Action;

/** What an entity's type is made of: its kind and mixins. */
export interface Typed {
  kind: string;
  mixins: readonly string[];
}

/** Options of the {@link Model} constructor. */
export interface ModelOptions {
  /** A model to look categories up in when this one does not have them (layered lookup). */
  parent?: Model;
}

const TEMPLATE_ROOTS = new Set([
  'http://schemas.ogf.org/occi/infrastructure#os_tpl',
  'http://schemas.ogf.org/occi/infrastructure#resource_tpl',
  'http://schemas.ogf.org/occi/platform#app_tpl',
  'http://schemas.ogf.org/occi/platform#res_tpl',
  'http://schemas.ogf.org/occi/sla#agreement_tpl',
]);

/**
 * The registry of kinds, mixins and actions, with inheritance resolution and entity validation.
 * A model can be layered over another ({@link Model.clone}): lookups fall through to the parent,
 * registrations and removals stay in the layer, so a server can give each tenant a cheap copy.
 *
 * @example
 * ```ts
 * const model = createStandardModel();
 * model.attributesOf({ kind: KIND.compute, mixins: [] }).has('occi.compute.cores'); // true
 * ```
 */
export class Model {
  readonly #parent?: Model;
  readonly #own = new Map<string, AnyCategory>();
  readonly #hidden = new Set<string>();
  readonly #user = new Set<string>();
  readonly #machines = new Map<string, StateMachine>();
  #version = 0;
  #cacheVersion = -1;
  readonly #cache = new Map<string, Map<string, AttributeDefinition>>();

  /**
   * @param options - optional parent model for layered lookup.
   */
  constructor(options: ModelOptions = {}) {
    if (options.parent) this.#parent = options.parent;
  }

  /** A number that changes whenever this model or a parent changes. */
  get version(): number {
    return this.#version + (this.#parent ? this.#parent.version * 1_000_003 : 0);
  }

  /**
   * Registers a kind, mixin or action.
   * @param category - the category (class instance).
   * @returns this model.
   * @throws OcciError `conflict` when the identifier or location is taken.
   */
  register(category: AnyCategory): this {
    if (this.get(category.id)) throw new OcciError('conflict', `category ${category.id} is already registered`, { location: { attribute: 'category' } });
    const location = 'location' in category ? category.location : undefined;
    if (location !== undefined && this.findByLocation(location)) {
      throw new OcciError('conflict', `location ${location} is already bound to ${this.findByLocation(location)?.id}`, { location: { attribute: 'location' } });
    }
    this.#hidden.delete(category.id);
    this.#own.set(category.id, category);
    this.#version++;
    return this;
  }

  /**
   * Registers every category of a collection (actions, then kinds, then mixins).
   * @param collection - kinds, mixins and actions as data.
   * @returns this model.
   * @throws OcciError when a category is malformed or already registered.
   */
  registerAll(collection: Partial<CategoryCollection>): this {
    for (const a of collection.actions ?? []) this.register(new Action(a));
    for (const k of collection.kinds ?? []) this.register(new Kind(k));
    for (const m of collection.mixins ?? []) this.register(new Mixin(m));
    return this;
  }

  /**
   * Adds a user-defined mixin (POST to the query interface): checks identity, location, and that
   * every `depends` and `applies` reference exists.
   * @param data - the mixin.
   * @returns the registered mixin.
   * @throws OcciError `parse_error`, `conflict` or `unknown_category`.
   * @example
   * ```ts
   * model.addUserMixin({ scheme: 'http://example.com/tags#', term: 'prod', location: '/tags/prod/' });
   * ```
   */
  addUserMixin(data: MixinData): Mixin {
    const problem = checkIdentity(data);
    if (problem) throw new OcciError('parse_error', problem, { location: { attribute: 'scheme' } });
    if (typeof data.location !== 'string' || !/^(?:[a-z][a-z0-9+.-]*:\/\/[^/]+)?\/(?:[^\s?#]*\/)?$/i.test(data.location)) {
      throw new OcciError('parse_error', `mixin location "${String(data.location)}" must be a path starting and ending with /`, { location: { attribute: 'location' } });
    }
    for (const dep of data.depends ?? []) {
      if (!this.getMixin(dep)) throw new OcciError('unknown_category', `depends: mixin ${dep} is not registered`, { location: { attribute: 'depends' } });
    }
    for (const kind of data.applies ?? []) {
      if (!this.getKind(kind)) throw new OcciError('unknown_category', `applies: kind ${kind} is not registered`, { location: { attribute: 'applies' } });
    }
    const mixin = new Mixin(data);
    this.register(mixin);
    this.#user.add(mixin.id);
    return mixin;
  }

  /**
   * Removes a user-defined mixin (DELETE on the query interface).
   * @param id - mixin identifier.
   * @returns the removed mixin.
   * @throws OcciError `not_found` when unknown, `forbidden` (403) for a provider-defined category.
   */
  removeUserMixin(id: string): Mixin {
    const mixin = this.getMixin(id);
    if (!mixin) throw new OcciError('not_found', `mixin ${id} is not registered`, { location: { attribute: 'category' } });
    if (!this.isUserDefined(id)) throw new OcciError('forbidden', `mixin ${id} is provider-defined and cannot be removed`, { location: { attribute: 'category' } });
    this.#own.delete(id);
    this.#user.delete(id);
    if (this.#parent?.get(id)) this.#hidden.add(id);
    this.#version++;
    return mixin;
  }

  /**
   * Tells whether a mixin was added by a user (in this layer or a parent).
   * @param id - category identifier.
   * @returns true for a user-defined mixin.
   */
  isUserDefined(id: string): boolean {
    if (this.#hidden.has(id)) return false;
    return this.#user.has(id) || (!this.#own.has(id) && (this.#parent?.isUserDefined(id) ?? false));
  }

  /**
   * Looks a category up by identifier.
   * @param id - scheme + term.
   * @returns the category, or undefined.
   */
  get(id: string): AnyCategory | undefined {
    const own = this.#own.get(id);
    if (own) return own;
    if (this.#hidden.has(id)) return undefined;
    return this.#parent?.get(id);
  }

  /** @param id - identifier. @returns the kind, or undefined. */
  getKind(id: string): Kind | undefined {
    const c = this.get(id);
    return c instanceof Kind ? c : undefined;
  }

  /** @param id - identifier. @returns the mixin, or undefined. */
  getMixin(id: string): Mixin | undefined {
    const c = this.get(id);
    return c instanceof Mixin ? c : undefined;
  }

  /** @param id - identifier. @returns the action, or undefined. */
  getAction(id: string): Action | undefined {
    const c = this.get(id);
    return c instanceof Action ? c : undefined;
  }

  /** @returns every category, parents' first. */
  categories(): AnyCategory[] {
    const out = new Map<string, AnyCategory>();
    for (const c of this.#parent?.categories() ?? []) if (!this.#hidden.has(c.id)) out.set(c.id, c);
    for (const [id, c] of this.#own) out.set(id, c);
    return [...out.values()];
  }

  /** @returns every kind. */
  kinds(): Kind[] {
    return this.categories().filter((c): c is Kind => c instanceof Kind);
  }

  /** @returns every mixin. */
  mixins(): Mixin[] {
    return this.categories().filter((c): c is Mixin => c instanceof Mixin);
  }

  /** @returns every action. */
  actions(): Action[] {
    return this.categories().filter((c): c is Action => c instanceof Action);
  }

  /**
   * Finds the kind or mixin bound to a location path.
   * @param location - path such as `/compute/` (absolute URLs are compared by path).
   * @returns the kind or mixin, or undefined.
   */
  findByLocation(location: string): Kind | Mixin | undefined {
    const path = pathOf(location);
    for (const c of this.categories()) {
      if ((c instanceof Kind || c instanceof Mixin) && c.location !== undefined && pathOf(c.location) === path) return c;
    }
    return undefined;
  }

  /**
   * The kind and its ancestors, the kind first.
   * @param kindId - kind identifier.
   * @returns the chain (empty when the kind is unknown; stops at an unknown or cyclic parent).
   */
  kindChain(kindId: string): Kind[] {
    const chain: Kind[] = [];
    const seen = new Set<string>();
    let kind = this.getKind(kindId);
    while (kind && !seen.has(kind.id)) {
      chain.push(kind);
      seen.add(kind.id);
      kind = kind.parent === undefined ? undefined : this.getKind(kind.parent);
    }
    return chain;
  }

  /**
   * Tells whether a kind is (or derives from) another.
   * @param kindId - kind identifier.
   * @param ancestorId - candidate ancestor.
   * @returns true when `ancestorId` is in the parent chain of `kindId` (or equal).
   */
  isKindOf(kindId: string, ancestorId: string): boolean {
    return this.kindChain(kindId).some((k) => k.id === ancestorId);
  }

  /**
   * Mixins and everything they depend on, transitively, each once.
   * @param mixinIds - mixin identifiers.
   * @returns the resolved mixins (unknown identifiers are skipped).
   */
  mixinClosure(mixinIds: readonly string[]): Mixin[] {
    const out = new Map<string, Mixin>();
    const visit = (id: string): void => {
      if (out.has(id)) return;
      const m = this.getMixin(id);
      if (!m) return;
      out.set(id, m);
      m.depends.forEach(visit);
    };
    mixinIds.forEach(visit);
    return [...out.values()];
  }

  /**
   * Every attribute definition of an entity type, inherited through `parent` and `depends`
   * (a sub-kind's definition wins over its parent's, a mixin's over the kind's).
   * @param typed - kind and mixins.
   * @returns definitions keyed by attribute name.
   */
  attributesOf(typed: Typed): Map<string, AttributeDefinition> {
    if (this.#cacheVersion !== this.version) {
      this.#cache.clear();
      this.#cacheVersion = this.version;
    }
    const key = typed.kind + '\n' + typed.mixins.join('\n');
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const map = new Map<string, AttributeDefinition>();
    for (const kind of this.kindChain(typed.kind).reverse()) for (const [n, d] of kind.attributes) map.set(n, d);
    for (const mixin of this.mixinClosure(typed.mixins).reverse()) for (const [n, d] of mixin.attributes) map.set(n, d);
    this.#cache.set(key, map);
    return map;
  }

  /**
   * Every action an entity type offers, through `parent` and `depends`.
   * @param typed - kind and mixins.
   * @returns action identifiers, each once.
   */
  actionsOf(typed: Typed): string[] {
    const out = new Set<string>();
    for (const kind of this.kindChain(typed.kind).reverse()) kind.actions.forEach((a) => out.add(a));
    for (const mixin of this.mixinClosure(typed.mixins)) mixin.actions.forEach((a) => out.add(a));
    return [...out];
  }

  /**
   * Tells whether a mixin is a template (an os_tpl, resource_tpl, app_tpl, res_tpl or agreement_tpl, or depends on one).
   * @param mixinId - mixin identifier.
   * @returns true for a template mixin.
   */
  isTemplate(mixinId: string): boolean {
    return this.mixinClosure([mixinId]).some((m) => TEMPLATE_ROOTS.has(m.id) && m.id !== mixinId);
  }

  /**
   * Registers the state machine of a kind.
   * @param machine - the table.
   * @returns this model.
   */
  registerStateMachine(machine: StateMachine): this {
    this.#machines.set(machine.kind, machine);
    this.#version++;
    return this;
  }

  /**
   * The state machine that governs a kind (its own, or its nearest ancestor's).
   * @param kindId - kind identifier.
   * @returns the machine, or undefined.
   */
  stateMachineOf(kindId: string): StateMachine | undefined {
    for (const kind of this.kindChain(kindId)) {
      const m = this.#lookupMachine(kind.id);
      if (m) return m;
    }
    return undefined;
  }

  #lookupMachine(kindId: string): StateMachine | undefined {
    return this.#machines.get(kindId) ?? (this.#parent ? this.#parent.#lookupMachine(kindId) : undefined);
  }

  /**
   * Validates an entity against its kind and mixins: required attributes, immutability, types,
   * enums, patterns, `applies`; returns the entity with defaults applied.
   * @param entity - a resource or link.
   * @param options - mode (`create`, `replace`, `update`), previous state, actor.
   * @returns the normalised entity, or every violation (each naming the attribute and the rule).
   * @example
   * ```ts
   * const r = model.validateEntity({ id: 'a', kind: KIND.storage, mixins: [], attributes: {}, links: [] }, { mode: 'create' });
   * r.ok; // false: occi.storage.size is required
   * ```
   */
  validateEntity<E extends AnyEntityData>(entity: E, options: ValidateEntityOptions): Result<E> {
    return validateEntityAgainst(this, { entity, options });
  }

  /**
   * Validates an action invocation: the action exists, is offered by the entity (when given), and its parameters are valid.
   * @param invocation - action and parameters.
   * @param entity - the target entity (optional).
   * @returns the invocation with parameter defaults applied, or the issues.
   */
  validateAction(invocation: ActionInvocation, entity?: AnyEntityData): Result<ActionInvocation> {
    return validateActionAgainst(this, { invocation, entity });
  }

  /**
   * The model as data, for the query interface.
   * @param filter - keeps only the categories it returns true for.
   * @returns kinds, mixins and actions.
   */
  toCollection(filter?: (category: AnyCategory) => boolean): CategoryCollection {
    const kinds: KindData[] = [];
    const mixins: MixinData[] = [];
    const actions: ActionData[] = [];
    for (const c of this.categories()) {
      if (filter && !filter(c)) continue;
      if (c instanceof Kind) kinds.push(c.toData());
      else if (c instanceof Mixin) mixins.push(c.toData());
      else actions.push(c.toData());
    }
    return { kinds, mixins, actions };
  }

  /**
   * A cheap layered copy: lookups fall through to this model, changes stay in the copy.
   * @returns the new layer.
   */
  clone(): Model {
    return new Model({ parent: this });
  }
}

function pathOf(location: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*(\/.*)?$/i.exec(location);
  return m ? (m[1] ?? '/') : location;
}
