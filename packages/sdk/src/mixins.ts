import type { MixinData } from '@accords/occi';
import type { CallOptions, ClientContext } from './context';
import { idOf } from './discovery';
import { OcciClientError } from './errors';

/** A user-defined mixin (a tag, or a template when it depends on `os_tpl`/`resource_tpl`). */
export interface UserMixinInput {
  scheme: string;
  term: string;
  title?: string;
  /** Where its members are listed; `/<term>/` by default. */
  location?: string;
  /** Mixins (identifiers or terms) this one depends on. */
  depends?: string[];
  /** Kinds (identifiers or terms) it may be applied to. */
  applies?: string[];
}

/** Mixin association and user-defined mixins. */
export interface MixinsApi {
  /** Adds entities to a mixin (POST to the mixin's location). */
  associate(mixin: string, locations: readonly string[], options?: CallOptions): Promise<void>;
  /** Removes entities from a mixin (DELETE on the mixin's location). */
  dissociate(mixin: string, locations: readonly string[], options?: CallOptions): Promise<void>;
  /** Makes exactly these entities the mixin's members (PUT on the mixin's location). */
  setMembers(mixin: string, locations: readonly string[], options?: CallOptions): Promise<void>;
  /** Defines a user mixin through the query interface; the cached model is refreshed. */
  create(input: UserMixinInput, options?: CallOptions): Promise<MixinData>;
  /** Deletes a user mixin (its associations go with it); the cached model is refreshed. */
  delete(mixin: string, options?: CallOptions): Promise<void>;
}

/**
 * Builds the mixin methods over a client context.
 * @param ctx - transport, wire and model
 * @returns the {@link MixinsApi}
 */
export function createMixinsApi(ctx: ClientContext): MixinsApi {
  const membership = (method: 'POST' | 'DELETE' | 'PUT') => async (mixin: string, locations: readonly string[], options: CallOptions = {}) => {
    const model = await ctx.model({ signal: options.signal });
    const path = model.locationOf(idOf(model.mixin(mixin)));
    // Paths, not absolute URLs: they survive proxies and host-name differences on any server.
    const encoded = ctx.wire.encode('association', locations.map((l) => ctx.http.resolve(l).pathname));
    await ctx.http.request({
      method,
      path,
      headers: { ...encoded.headers, 'Content-Type': encoded.contentType },
      body: encoded.body,
      signal: options.signal,
    });
  };

  return {
    associate: membership('POST'),
    dissociate: membership('DELETE'),
    setMembers: membership('PUT'),

    async create(input, options = {}) {
      if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s#]*#$/.test(input.scheme)) {
        throw new OcciClientError({ code: 'invalid_argument', status: 0, message: `mixin scheme must be an absolute URI ending in #, got "${input.scheme}"` });
      }
      const model = await ctx.model({ signal: options.signal });
      const mixin: MixinData = {
        scheme: input.scheme,
        term: input.term,
        location: input.location ?? `/${input.term}/`,
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.depends?.length ? { depends: input.depends.map((d) => idOf(model.mixin(d))) } : {}),
        ...(input.applies?.length ? { applies: input.applies.map((k) => idOf(model.kind(k))) } : {}),
      };
      const encoded = ctx.wire.encode('mixin', mixin);
      await ctx.http.request({
        method: 'POST',
        path: '-/',
        headers: { ...encoded.headers, 'Content-Type': encoded.contentType },
        body: encoded.body,
        signal: options.signal,
      });
      const refreshed = await ctx.model({ refresh: true, signal: options.signal });
      return refreshed.mixin(idOf(mixin));
    },

    async delete(mixin, options = {}) {
      const model = await ctx.model({ signal: options.signal });
      const found = model.mixin(mixin);
      const encoded = ctx.wire.encode('mixin', { scheme: found.scheme, term: found.term });
      await ctx.http.request({
        method: 'DELETE',
        path: '-/',
        headers: { ...encoded.headers, 'Content-Type': encoded.contentType },
        body: encoded.body,
        signal: options.signal,
      });
      await ctx.model({ refresh: true, signal: options.signal });
    },
  };
}
