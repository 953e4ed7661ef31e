/** An attribute value: any JSON value. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };

/** Attribute values of an entity, keyed by attribute name (never the `occi.core.*` ones). */
export type Attributes = Record<string, AttributeValue>;

/**
 * An OCCI Entity as plain, JSON-friendly data. The `occi.core.*` attributes live in the
 * dedicated fields (`id`, `title`, `summary`, `source`, `target`), not in `attributes`.
 */
export interface EntityData {
  /** `occi.core.id`. */
  id: string;
  /** Kind identifier (scheme + term). */
  kind: string;
  /** Mixin identifiers. */
  mixins: string[];
  /** `occi.core.title`. */
  title?: string;
  /** Every other attribute. */
  attributes: Attributes;
  /** Where the entity lives on the server (path or URL). */
  location?: string;
  /** Action identifiers the server advertises for the entity (output only). */
  actions?: string[];
}

/** The location (and optionally kind) of a link end. */
export interface LinkEnd {
  location: string;
  kind?: string;
}

/** An OCCI Link. */
export interface LinkData extends EntityData {
  /** `occi.core.source`. */
  source: LinkEnd;
  /** `occi.core.target`. */
  target: LinkEnd;
}

/** An OCCI Resource. */
export interface ResourceData extends EntityData {
  /** `occi.core.summary`. */
  summary?: string;
  /** Links whose source is this resource. */
  links: LinkData[];
}

/** A Resource or a Link. */
export type AnyEntityData = ResourceData | LinkData;

/** An entity collection (the answer to GET on a kind or mixin collection). */
export interface EntityCollection {
  resources: ResourceData[];
  links: LinkData[];
}

/** An action invocation (POST `?action=`). */
export interface ActionInvocation {
  /** Action identifier (scheme + term). */
  action: string;
  /** Action parameters. */
  attributes: Attributes;
}

/**
 * Tells a link from a resource.
 * @param entity - a resource or a link.
 * @returns true when the entity has a source and a target.
 * @example
 * ```ts
 * isLinkData({ id: '1', kind: 'k', mixins: [], attributes: {}, source: { location: '/a' }, target: { location: '/b' } }); // true
 * ```
 */
export function isLinkData(entity: EntityData): entity is LinkData {
  return typeof (entity as Partial<LinkData>).source === 'object' && typeof (entity as Partial<LinkData>).target === 'object';
}
