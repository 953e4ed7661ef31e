import { OcciError } from '../errors';
import { AttributeDefinition, isAttributeName } from './attribute-definition';
import type { AttributeSpec } from './attribute-definition';

/** Identity of every category: scheme + term. */
export interface CategoryData {
  /** Categorisation scheme, an absolute URI ending in `#`. */
  scheme: string;
  /** Term, unique within the scheme. */
  term: string;
  title?: string;
}

/** Attribute definitions keyed by attribute name. */
export type AttributeSpecs = Record<string, AttributeSpec>;

/** An Action as data: its parameters are attributes. */
export interface ActionData extends CategoryData {
  attributes?: AttributeSpecs;
}

/** A Kind as data. */
export interface KindData extends CategoryData {
  /** Parent kind identifier. */
  parent?: string;
  attributes?: AttributeSpecs;
  /** Action identifiers. */
  actions?: string[];
  /** Location path (ends in `/`); absent for kinds that cannot be instantiated. */
  location?: string;
}

/** A Mixin as data. */
export interface MixinData extends CategoryData {
  /** Mixin identifiers this one depends on (inherits attributes and actions from). */
  depends?: string[];
  /** Kind identifiers this mixin may be applied to (empty: any). */
  applies?: string[];
  attributes?: AttributeSpecs;
  actions?: string[];
  location?: string;
}

/** The query interface's content: every kind, mixin and action. */
export interface CategoryCollection {
  kinds: KindData[];
  mixins: MixinData[];
  actions: ActionData[];
}

/** The class of a category in the text renderings. */
export type CategoryClass = 'kind' | 'mixin' | 'action';

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s#]*#$/;
const TERM = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/**
 * Builds a category identifier.
 * @param scheme - scheme ending in `#`.
 * @param term - term.
 * @returns scheme + term.
 * @example
 * ```ts
 * categoryId('http://schemas.ogf.org/occi/core#', 'resource'); // 'http://schemas.ogf.org/occi/core#resource'
 * ```
 */
export function categoryId(scheme: string, term: string): string {
  return scheme + term;
}

/**
 * Splits a category identifier at its last `#`.
 * @param id - scheme + term.
 * @returns scheme (with `#`) and term, or undefined when there is no `#`.
 * @example
 * ```ts
 * splitCategoryId('http://x/y#z'); // { scheme: 'http://x/y#', term: 'z' }
 * ```
 */
export function splitCategoryId(id: string): { scheme: string; term: string } | undefined {
  const hash = id.lastIndexOf('#');
  if (hash < 0 || hash === id.length - 1) return undefined;
  return { scheme: id.slice(0, hash + 1), term: id.slice(hash + 1) };
}

/**
 * Tells whether scheme and term are well formed (scheme an absolute URI ending in `#`; term a token).
 * @param data - scheme and term.
 * @returns an error message, or undefined when well formed.
 * @example
 * ```ts
 * checkIdentity({ scheme: 'http://a#', term: 'b' }); // undefined
 * ```
 */
export function checkIdentity(data: CategoryData): string | undefined {
  if (typeof data.scheme !== 'string' || !SCHEME.test(data.scheme)) return `scheme "${String(data.scheme)}" must be an absolute URI ending in #`;
  if (typeof data.term !== 'string' || !TERM.test(data.term)) return `term "${String(data.term)}" must be a token (letters, digits, _ . -)`;
  return undefined;
}

function buildAttributes(specs: AttributeSpecs | undefined, owner: string): Map<string, AttributeDefinition> {
  const map = new Map<string, AttributeDefinition>();
  for (const [name, spec] of Object.entries(specs ?? {})) {
    if (!isAttributeName(name)) throw new OcciError('invalid_attribute', `${owner}: attribute name "${name}" is not valid`, { location: { attribute: name } });
    map.set(name, new AttributeDefinition({ ...spec, name }));
  }
  return map;
}

function specsOf(attributes: Map<string, AttributeDefinition>): AttributeSpecs {
  const out: AttributeSpecs = {};
  for (const [name, def] of attributes) out[name] = def.toSpec();
  return out;
}

/**
 * An OCCI Category: the identity (scheme + term) shared by kinds, mixins and actions.
 *
 * @example
 * ```ts
 * new Category({ scheme: 'http://a#', term: 'b' }).id; // 'http://a#b'
 * ```
 */
export class Category {
  readonly scheme: string;
  readonly term: string;
  readonly title?: string;
  /** scheme + term. */
  readonly id: string;

  /**
   * @param data - scheme, term, title.
   * @throws OcciError `parse_error` when scheme or term is malformed.
   */
  constructor(data: CategoryData) {
    const problem = checkIdentity(data);
    if (problem) throw new OcciError('parse_error', problem, { location: { attribute: 'scheme' } });
    this.scheme = data.scheme;
    this.term = data.term;
    if (data.title !== undefined) this.title = data.title;
    this.id = categoryId(data.scheme, data.term);
  }

  /**
   * The class of the category in the text renderings.
   * @returns 'kind', 'mixin' or 'action'.
   */
  get categoryClass(): CategoryClass {
    return 'action';
  }

  protected baseData(): CategoryData {
    const data: CategoryData = { scheme: this.scheme, term: this.term };
    if (this.title !== undefined) data.title = this.title;
    return data;
  }
}

/**
 * An OCCI Action: an invocable operation; its attributes are its parameters.
 *
 * @example
 * ```ts
 * new Action({ scheme: 'http://a/action#', term: 'start' }).id; // 'http://a/action#start'
 * ```
 */
export class Action extends Category {
  readonly attributes: ReadonlyMap<string, AttributeDefinition>;

  /**
   * @param data - the action.
   * @throws OcciError when the identity or an attribute name is malformed.
   */
  constructor(data: ActionData) {
    super(data);
    this.attributes = buildAttributes(data.attributes, this.id);
  }

  /** @returns the action as data. */
  toData(): ActionData {
    const data: ActionData = this.baseData();
    if (this.attributes.size) data.attributes = specsOf(this.attributes as Map<string, AttributeDefinition>);
    return data;
  }
}

/**
 * An OCCI Kind: the type of an entity, with a parent chain, attributes, actions and a location.
 *
 * @example
 * ```ts
 * const k = new Kind({ scheme: 'http://a#', term: 'vm', parent: 'http://schemas.ogf.org/occi/core#resource', location: '/vm/' });
 * k.categoryClass; // 'kind'
 * ```
 */
export class Kind extends Category {
  readonly parent?: string;
  readonly attributes: ReadonlyMap<string, AttributeDefinition>;
  readonly actions: readonly string[];
  readonly location?: string;

  /**
   * @param data - the kind.
   * @throws OcciError when the identity or an attribute name is malformed.
   */
  constructor(data: KindData) {
    super(data);
    if (data.parent !== undefined) this.parent = data.parent;
    this.attributes = buildAttributes(data.attributes, this.id);
    this.actions = [...(data.actions ?? [])];
    if (data.location !== undefined) this.location = data.location;
  }

  override get categoryClass(): CategoryClass {
    return 'kind';
  }

  /** @returns the kind as data. */
  toData(): KindData {
    const data: KindData = this.baseData();
    if (this.parent !== undefined) data.parent = this.parent;
    if (this.attributes.size) data.attributes = specsOf(this.attributes as Map<string, AttributeDefinition>);
    if (this.actions.length) data.actions = [...this.actions];
    if (this.location !== undefined) data.location = this.location;
    return data;
  }
}

/**
 * An OCCI Mixin: adds attributes and actions to entities; may depend on other mixins and apply
 * to some kinds only. A mixin without attributes and actions is a tag.
 *
 * @example
 * ```ts
 * new Mixin({ scheme: 'http://a/tags#', term: 'prod', location: '/tags/prod/' }).tag; // true
 * ```
 */
export class Mixin extends Category {
  readonly depends: readonly string[];
  readonly applies: readonly string[];
  readonly attributes: ReadonlyMap<string, AttributeDefinition>;
  readonly actions: readonly string[];
  readonly location?: string;

  /**
   * @param data - the mixin.
   * @throws OcciError when the identity or an attribute name is malformed.
   */
  constructor(data: MixinData) {
    super(data);
    this.depends = [...(data.depends ?? [])];
    this.applies = [...(data.applies ?? [])];
    this.attributes = buildAttributes(data.attributes, this.id);
    this.actions = [...(data.actions ?? [])];
    if (data.location !== undefined) this.location = data.location;
  }

  override get categoryClass(): CategoryClass {
    return 'mixin';
  }

  /** True when the mixin carries no attributes and no actions (a tag). */
  get tag(): boolean {
    return this.attributes.size === 0 && this.actions.length === 0;
  }

  /** @returns the mixin as data. */
  toData(): MixinData {
    const data: MixinData = this.baseData();
    if (this.depends.length) data.depends = [...this.depends];
    if (this.applies.length) data.applies = [...this.applies];
    if (this.attributes.size) data.attributes = specsOf(this.attributes as Map<string, AttributeDefinition>);
    if (this.actions.length) data.actions = [...this.actions];
    if (this.location !== undefined) data.location = this.location;
    return data;
  }
}
