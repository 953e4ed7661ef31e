import { parseContentType } from '@accords/occi';
import type { ActionInvocation, AnyEntityData, Attributes, LinkData, ResourceData } from '@accords/occi';
import type { CallOptions, ClientContext } from './context';
import { idOf } from './discovery';
import { OcciClientError } from './errors';
import type { HttpResponse, QueryParams } from './transport/http';
import { randomId } from './uuid';

const DEFAULT_PAGE_SIZE = 100;
const CORE_LINK = 'http://schemas.ogf.org/occi/core#link';

/** An entity as fetched, with the `ETag` the server sent for it. */
export type Fetched<T extends AnyEntityData = AnyEntityData> = T & { readonly etag?: string };

/** A link to create with a resource, or on its own. */
export interface LinkInput {
  /** Target location (`/network/1`). */
  target: string;
  /** Link kind (identifier or term); the core `link` by default. */
  kind?: string;
  mixins?: string[];
  title?: string;
  attributes?: Attributes;
}

/** What {@link EntitiesApi.create} needs. */
export interface CreateInput {
  /** Kind identifier or unambiguous term (`compute`). */
  kind: string;
  /** Mixins (identifiers or terms), templates included (`os_tpl` members such as `debian`). */
  mixins?: string[];
  title?: string;
  summary?: string;
  attributes?: Attributes;
  /** Links from the new resource. */
  links?: LinkInput[];
  /** Create at this id (PUT `/<kind>/<id>`) instead of letting the server choose. */
  id?: string;
}

/** What {@link EntitiesApi.update} changes: only what is given. */
export interface UpdateInput {
  title?: string;
  summary?: string;
  attributes?: Attributes;
  /** Mixins to add. */
  mixins?: string[];
}

/** A filter on a collection: by category and by attribute values. */
export interface ListFilter {
  /** Only members of this kind or mixin (identifier or term). */
  category?: string;
  /** Only entities whose attributes have these values. */
  attributes?: Record<string, string | number | boolean>;
}

/** Options of the listing methods. */
export interface ListOptions extends CallOptions {
  filter?: ListFilter;
  /** Entries per page (OCCI `number`). Default 100, halved while the server answers 413. */
  pageSize?: number;
}

/** Options of writes guarded by `If-Match`. */
export interface WriteOptions extends CallOptions {
  /** Only if the entity still has this ETag (412 otherwise); `*` for "if it exists". */
  ifMatch?: string;
}

/** Typed CRUD, actions and links for entities of any kind. */
export interface EntitiesApi {
  get(location: string, options?: CallOptions): Promise<Fetched>;
  create(input: CreateInput, options?: CallOptions): Promise<Fetched>;
  update(location: string, input: UpdateInput, options?: WriteOptions): Promise<Fetched>;
  replace(location: string, entity: ResourceData | LinkData, options?: WriteOptions): Promise<Fetched>;
  delete(location: string, options?: WriteOptions): Promise<void>;
  trigger(location: string, action: string, options?: CallOptions & { attributes?: Attributes }): Promise<void>;
  locations(collection: string, options?: ListOptions): AsyncGenerator<string, void, undefined>;
  list(collection: string, options?: ListOptions): AsyncGenerator<Fetched, void, undefined>;
  deleteAll(kind: string, options?: CallOptions): Promise<void>;
  triggerAll(kind: string, action: string, options?: CallOptions & { attributes?: Attributes }): Promise<void>;
  link(input: LinkInput & { source: string }, options?: CallOptions): Promise<Fetched>;
}

/**
 * Builds the entity methods over a client context.
 * @param ctx - transport, wire and model
 * @returns the {@link EntitiesApi}
 */
export function createEntitiesApi(ctx: ClientContext): EntitiesApi {
  const get = async (location: string, options: CallOptions = {}): Promise<Fetched> => {
    const res = await ctx.http.request({ method: 'GET', path: location, headers: { Accept: ctx.wire.accept('entity') }, signal: options.signal });
    return withEtag(withLocation(ctx.wire.decode('entity', res), ctx.http.relative(location)), res);
  };

  const resolveCategories = async (input: { kind: string; mixins?: string[] }, signal?: AbortSignal) => {
    const model = await ctx.model({ signal });
    return { model, kind: model.kind(input.kind), mixins: (input.mixins ?? []).map((m) => idOf(model.mixin(m))) };
  };

  const afterWrite = async (res: HttpResponse, fallback: string, signal?: AbortSignal): Promise<Fetched> => {
    const location = res.headers.get('location') ?? fallback;
    return get(ctx.http.relative(location), { signal });
  };

  const api: EntitiesApi = {
    get,

    async create(input, options = {}) {
      const { model, kind, mixins } = await resolveCategories(input, options.signal);
      const collection = model.locationOf(idOf(kind));
      const isLink = model.lineage(idOf(kind)).includes(CORE_LINK);
      if (isLink) throw invalid(`${kind.term} is a link kind: use link() with a source and a target`);
      const links: LinkData[] = [];
      for (const l of input.links ?? []) {
        const linkKind = l.kind ? model.kind(l.kind) : model.kind(CORE_LINK);
        links.push({
          id: randomId(),
          kind: idOf(linkKind),
          mixins: (l.mixins ?? []).map((m) => idOf(model.mixin(m))),
          attributes: l.attributes ?? {},
          source: { location: '' },
          target: { location: l.target, ...targetKind(l.target) },
          ...(l.title !== undefined ? { title: l.title } : {}),
        });
      }
      // Every new entity gets its UUID here: the JSON rendering requires an id, and a server
      // that keeps it answers a repeated create with 409 instead of making a duplicate.
      const resource: ResourceData = {
        id: input.id ?? randomId(),
        kind: idOf(kind),
        mixins,
        attributes: input.attributes ?? {},
        links,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
      };
      const encoded = ctx.wire.encode('resource', resource);
      const target = input.id ? `${collection}${encodeURIComponent(input.id)}` : collection;
      const res = await ctx.http.request({
        method: input.id ? 'PUT' : 'POST',
        path: target,
        headers: { ...encoded.headers, 'Content-Type': encoded.contentType, Accept: ctx.wire.accept('entity') },
        body: encoded.body,
        signal: options.signal,
      });
      return afterWrite(res, target, options.signal);

      function targetKind(location: string): { kind?: string } {
        const k = model.kindAt(location);
        return k ? { kind: idOf(k) } : {};
      }
    },

    async update(location, input, options = {}) {
      const model = await ctx.model({ signal: options.signal });
      const kind = model.kindAt(location);
      const isLink = !kind || model.lineage(idOf(kind)).includes(CORE_LINK);
      // A link's partial update still names its ends, so read them first; a resource needs no read.
      const current = isLink ? await get(location, options) : undefined;
      const base = {
        id: current?.id ?? lastSegment(location),
        kind: current?.kind ?? idOf(kind!),
        mixins: (input.mixins ?? []).map((m) => idOf(model.mixin(m))),
        attributes: input.attributes ?? {},
        ...(input.title !== undefined ? { title: input.title } : {}),
      };
      const encoded =
        current && 'source' in current
          ? ctx.wire.encode('link', { ...base, source: current.source, target: current.target })
          : ctx.wire.encode('resource', { ...base, links: [], ...(input.summary !== undefined ? { summary: input.summary } : {}) });
      const res = await ctx.http.request({
        method: 'POST',
        path: location,
        headers: { ...encoded.headers, 'Content-Type': encoded.contentType, Accept: ctx.wire.accept('entity'), ...ifMatch(options) },
        body: encoded.body,
        signal: options.signal,
      });
      return afterWrite(res, location, options.signal);
    },

    async replace(location, entity, options = {}) {
      const structure = 'source' in entity ? 'link' : 'resource';
      const encoded = ctx.wire.encode(structure, stripForWrite(entity));
      const res = await ctx.http.request({
        method: 'PUT',
        path: location,
        headers: { ...encoded.headers, 'Content-Type': encoded.contentType, Accept: ctx.wire.accept('entity'), ...ifMatch(options) },
        body: encoded.body,
        signal: options.signal,
      });
      return afterWrite(res, location, options.signal);
    },

    async delete(location, options = {}) {
      await ctx.http.request({ method: 'DELETE', path: location, headers: { ...ifMatch(options) }, signal: options.signal });
    },

    async trigger(location, action, options = {}) {
      const model = await ctx.model({ signal: options.signal });
      const kind = model.kindAt(location);
      const resolved = model.action(action, kind ? idOf(kind) : undefined);
      await invoke(location, { action: idOf(resolved), term: resolved.term, attributes: options.attributes ?? {}, signal: options.signal });
    },

    async *locations(collection, options = {}) {
      for await (const page of walk(collection, options)) yield* page.locations;
    },

    async *list(collection, options = {}) {
      for await (const page of walk(collection, options)) {
        if (page.entities) yield* page.entities;
        else for (const location of page.locations) yield await get(location, options);
      }
    },

    async deleteAll(kind, options = {}) {
      const model = await ctx.model({ signal: options.signal });
      await ctx.http.request({ method: 'DELETE', path: model.locationOf(kind), signal: options.signal });
    },

    async triggerAll(kind, action, options = {}) {
      const model = await ctx.model({ signal: options.signal });
      const resolved = model.action(action, kind);
      await invoke(model.locationOf(kind), { action: idOf(resolved), term: resolved.term, attributes: options.attributes ?? {}, signal: options.signal });
    },

    async link(input, options = {}) {
      const model = await ctx.model({ signal: options.signal });
      const kind = model.kind(input.kind ?? CORE_LINK);
      const sourceKind = model.kindAt(input.source);
      const targetKind = model.kindAt(input.target);
      const link: LinkData = {
        id: randomId(),
        kind: idOf(kind),
        mixins: (input.mixins ?? []).map((m) => idOf(model.mixin(m))),
        attributes: input.attributes ?? {},
        source: { location: input.source, ...(sourceKind ? { kind: idOf(sourceKind) } : {}) },
        target: { location: input.target, ...(targetKind ? { kind: idOf(targetKind) } : {}) },
        ...(input.title !== undefined ? { title: input.title } : {}),
      };
      const encoded = ctx.wire.encode('link', link);
      const path = model.locationOf(idOf(kind));
      const res = await ctx.http.request({
        method: 'POST',
        path,
        headers: { ...encoded.headers, 'Content-Type': encoded.contentType, Accept: ctx.wire.accept('entity') },
        body: encoded.body,
        signal: options.signal,
      });
      return afterWrite(res, path, options.signal);
    },
  };

  async function invoke(path: string, call: { action: string; term: string; attributes: Attributes; signal?: AbortSignal }): Promise<void> {
    const invocation: ActionInvocation = { action: call.action, attributes: call.attributes };
    const encoded = ctx.wire.encode('action', invocation);
    await ctx.http.request({
      method: 'POST',
      path,
      query: { action: call.term },
      headers: { ...encoded.headers, 'Content-Type': encoded.contentType, Accept: ctx.wire.accept('entity') },
      body: encoded.body,
      signal: call.signal,
    });
  }

  // One collection, page after page. JSON answers carry whole entities, text ones locations.
  // Without a page size from the caller, a 413 on the first page halves the size until the
  // server accepts it (servers cap `number`, each at its own limit).
  async function* walk(collection: string, options: ListOptions): AsyncGenerator<{ locations: string[]; entities?: Fetched[] }, void, undefined> {
    const model = await ctx.model({ signal: options.signal });
    const path = collection.includes('/') ? collection : model.locationOf(collection);
    const query = filterQuery(options.filter, model);
    const adaptive = options.pageSize === undefined;
    let number = options.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(number) || number < 1) throw invalid(`pageSize must be a positive integer, got ${number}`);
    let first: string | undefined;
    for (let page = 1; ; page++) {
      let res: HttpResponse;
      try {
        res = await ctx.http.request({ method: 'GET', path, query: { ...query, page, number }, headers: { Accept: ctx.wire.accept('locations') }, signal: options.signal });
      } catch (error) {
        if (adaptive && page === 1 && number > 1 && error instanceof OcciClientError && error.status === 413) {
          number = Math.floor(number / 2);
          page--;
          continue;
        }
        throw error;
      }
      const type = parseContentType(res.headers.get('content-type') ?? undefined);
      let result: { locations: string[]; entities?: Fetched[] };
      if (type === 'application/occi+json' || type === 'application/json') {
        const decoded = ctx.wire.decode('collection', res);
        const entities = [...decoded.resources, ...decoded.links].map((e) => ({ ...e, location: ctx.http.relative(e.location ?? '') }));
        result = { locations: entities.map((e) => e.location), entities };
      } else {
        result = { locations: ctx.wire.decode('locations', res).map((l) => ctx.http.relative(l)) };
      }
      // A collection that ignores `page` answers its first page again: that is the end, not more.
      if (page > 1 && result.locations.length > 0 && result.locations[0] === first) return;
      first ??= result.locations[0];
      yield result;
      // Shorter than asked: the last page. Longer: the server ignored `number` and sent everything.
      if (result.locations.length !== number) return;
    }
  }

  return api;
}

function filterQuery(filter: ListFilter | undefined, model: { category(ref: string): { scheme: string; term: string } }): QueryParams {
  if (!filter) return {};
  const query: Record<string, string | string[]> = {};
  if (filter.category) query.category = idOf(model.category(filter.category));
  const attrs = Object.entries(filter.attributes ?? {}).map(([name, value]) => `${name}=${String(value)}`);
  if (attrs.length) query.attribute = attrs;
  return query;
}

function ifMatch(options: WriteOptions): Record<string, string> {
  return options.ifMatch ? { 'If-Match': options.ifMatch } : {};
}

function withLocation<T extends AnyEntityData>(entity: T, location: string): T {
  return { ...entity, location };
}

function withEtag<T extends AnyEntityData>(entity: T, res: HttpResponse): Fetched<T> {
  const etag = res.headers.get('etag');
  return etag ? { ...entity, etag } : entity;
}

function stripForWrite<T extends AnyEntityData>(entity: T): T {
  const { etag: _etag, actions: _actions, ...rest } = entity as T & { etag?: string };
  return rest as T;
}

function lastSegment(location: string): string {
  const path = new URL(location, 'http://base.invalid').pathname.replace(/\/$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

function invalid(message: string): OcciClientError {
  return new OcciClientError({ code: 'invalid_argument', status: 0, message });
}
