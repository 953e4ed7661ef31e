/** Row shapes of the server's tables, as typeorm reads and writes them. */

/** One OCCI entity (resource or link) owned by a tenant. */
export interface EntityRow {
  id: string;
  tenantId: string;
  /** Kind identifier (scheme + term). */
  kind: string;
  /** Path of the kind's collection, e.g. `/compute/`. */
  collection: string;
  isLink: boolean;
  /** Location of the link's source (links only). */
  source: string | null;
  /** Location of the link's target (links only). */
  target: string | null;
  /** Mixin identifiers framed by `|` (`|a|b|`), so that membership is a LIKE query. */
  mixins: string;
  /** JSON of {@link EntityBody}: title, summary, attributes and link end kinds. */
  data: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A user-defined mixin (tag or template) owned by a tenant. */
export interface MixinRow {
  tenantId: string;
  /** Mixin identifier (scheme + term). */
  id: string;
  location: string;
  /** JSON of the mixin definition (scheme, term, title, depends, applies, attributes). */
  definition: string;
  createdAt: string;
}

/** A tenant: the owner of entities and user mixins. */
export interface TenantRow {
  id: string;
  name: string;
  isAdmin: boolean;
  createdAt: string;
}

/** A bearer token, stored only as its SHA-256 hash. */
export interface TokenRow {
  id: string;
  tenantId: string;
  hash: string;
  createdAt: string;
  revokedAt: string | null;
}
