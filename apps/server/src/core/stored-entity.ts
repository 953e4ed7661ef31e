import type { AnyEntityData, Attributes, LinkData, ResourceData } from '@accords/occi';
import type { EntityRow } from '../store/rows';
import { frameMixins, unframeMixins } from '../store/entity-repo';

/** An entity as read from the store, with what HTTP needs beside its data. */
export interface StoredEntity {
  /** The entity (resources have `links: []` here; see `TenantStore.complete`). */
  data: AnyEntityData;
  tenantId: string;
  version: number;
  /** Strong entity tag of this version. */
  etag: string;
  createdAt: string;
  updatedAt: string;
}

/** The JSON held in the `data` column. */
interface EntityBody {
  title?: string;
  summary?: string;
  attributes: Attributes;
  sourceKind?: string;
  targetKind?: string;
}

/**
 * The entity tag of a row version: changes on every write, and differs between an entity and
 * one re-created later at the same location.
 * @param row - version and creation time
 * @returns a quoted strong ETag
 */
export function etagOf(row: Pick<EntityRow, 'version' | 'createdAt'>): string {
  return `"${row.version}-${Date.parse(row.createdAt).toString(36)}"`;
}

// Rows served again by the read cache are parsed (and tagged) once; each entity still gets its
// own attribute object (the values are never changed in place: writes clone the entity first).
const parsed = new WeakMap<EntityRow, EntityBody & { etag?: string }>();

function bodyOf(row: EntityRow): EntityBody & { etag?: string } {
  let body = parsed.get(row);
  if (!body) {
    body = JSON.parse(row.data) as EntityBody;
    parsed.set(row, body);
  }
  return body;
}

/**
 * Turns a row into a {@link StoredEntity}.
 * @param row - the row
 * @returns the entity
 */
export function fromRow(row: EntityRow): StoredEntity {
  const body = bodyOf(row);
  const base = { id: row.id, kind: row.kind, mixins: unframeMixins(row.mixins), attributes: { ...body.attributes }, location: row.collection + row.id };
  let data: AnyEntityData;
  if (row.isLink) {
    const link: LinkData = { ...base, source: { location: row.source ?? '' }, target: { location: row.target ?? '' } };
    if (body.sourceKind) link.source.kind = body.sourceKind;
    if (body.targetKind) link.target.kind = body.targetKind;
    data = link;
  } else {
    const resource: ResourceData = { ...base, links: [] };
    if (body.summary !== undefined) resource.summary = body.summary;
    data = resource;
  }
  if (body.title !== undefined) data.title = body.title;
  return { data, tenantId: row.tenantId, version: row.version, etag: body.etag ?? (body.etag = etagOf(row)), createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/**
 * Turns an entity into a row.
 * @param data - the validated entity
 * @param meta - owner, collection path, version and times
 * @returns the row
 */
export function toRow(data: AnyEntityData, meta: { tenantId: string; collection: string; version: number; createdAt: string; updatedAt: string }): EntityRow {
  const body: EntityBody = { attributes: data.attributes };
  if (data.title !== undefined) body.title = data.title;
  const isLink = 'source' in data && 'target' in data;
  if (isLink) {
    if (data.source.kind) body.sourceKind = data.source.kind;
    if (data.target.kind) body.targetKind = data.target.kind;
  } else if ((data as ResourceData).summary !== undefined) body.summary = (data as ResourceData).summary!;
  return {
    id: data.id,
    tenantId: meta.tenantId,
    kind: data.kind,
    collection: meta.collection,
    isLink,
    source: isLink ? data.source.location : null,
    target: isLink ? data.target.location : null,
    mixins: frameMixins(data.mixins),
    data: JSON.stringify(body),
    version: meta.version,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
  };
}
