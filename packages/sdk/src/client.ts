import { createBrokerApi, type BrokerApi } from './broker';
import type { CallOptions, ClientContext } from './context';
import { createServerModel, type ServerModel } from './discovery';
import { createEntitiesApi, type EntitiesApi } from './entities';
import { OcciClientError } from './errors';
import { createMixinsApi, type MixinsApi } from './mixins';
import { createTransport, type RetryInfo, type Transport } from './transport/http';
import type { RetryPolicy } from './transport/retry';
import { createWire, type Rendering } from './wire';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The server's base URL, e.g. `http://127.0.0.1:8080`. */
  url: string | URL;
  /** Bearer token. */
  token?: string;
  /** HTTP Basic credentials (instead of a token). */
  basic?: { username: string; password: string };
  /** A fetch implementation (the global one by default). */
  fetch?: typeof fetch;
  /** The rendering on the wire: `text/plain` (any OCCI server) or `application/occi+json` (default). */
  rendering?: Rendering;
  /** Retries of idempotent requests on 503 and connection failures (default 3). */
  retries?: number | Partial<RetryPolicy>;
  /** Cancels everything this client does. */
  signal?: AbortSignal;
  /** Time limit of one HTTP attempt, in milliseconds. */
  timeoutMs?: number;
  /** Called before each retry. */
  onRetry?: (info: RetryInfo) => void;
}

/** A typed client for an OCCI 1.2 server, with Accords' broker steps. */
export interface Client {
  /** The server's base URL. */
  readonly url: string;
  /** The rendering this client speaks. */
  readonly rendering: Rendering;
  /** The server's model from its query interface (cached; `refresh` asks again). */
  model(options?: CallOptions & { refresh?: boolean }): Promise<ServerModel>;
  /** Entities of any kind: CRUD, actions, links, filtered and paged listings. */
  readonly entities: EntitiesApi;
  /** Mixin association and user-defined mixins. */
  readonly mixins: MixinsApi;
  /** Manifests, plans, agreements, progress, offers and invoices. */
  readonly broker: BrokerApi;
  /** The HTTP layer, for requests the typed methods do not cover. */
  readonly http: Transport;
}

/**
 * Creates a client for an OCCI server (Accords or any other).
 * @param options - URL, credentials, rendering, fetch, retries, signal
 * @returns a {@link Client}
 * @throws {OcciClientError} code `invalid_argument` for a URL that is not http(s), or both a token and Basic credentials
 * @example
 * const client = createClient({ url: 'http://127.0.0.1:8080', token: process.env.ACCORDS_TOKEN });
 * const vm = await client.entities.create({ kind: 'compute', mixins: ['debian'], attributes: { 'occi.compute.cores': 2 } });
 * await client.entities.trigger(vm.location!, 'start');
 * for await (const c of client.entities.list('compute')) console.log(c.location, c.attributes['occi.compute.state']);
 */
export function createClient(options: ClientOptions): Client {
  if (options.token !== undefined && options.basic !== undefined) {
    throw new OcciClientError({ code: 'invalid_argument', status: 0, message: 'give either a token or basic credentials, not both' });
  }
  const credentials = options.token !== undefined ? { token: options.token } : options.basic ? { basic: options.basic } : undefined;
  const http = createTransport({
    url: options.url,
    credentials,
    fetch: options.fetch,
    retries: options.retries,
    signal: options.signal,
    timeoutMs: options.timeoutMs,
    onRetry: options.onRetry,
  });
  const wire = createWire(options.rendering ?? 'application/occi+json');
  let cached: Promise<ServerModel> | undefined;

  const model: ClientContext['model'] = ({ refresh, signal } = {}) => {
    if (!cached || refresh) {
      const loading = (async () => {
        const res = await http.request({ method: 'GET', path: '-/', headers: { Accept: wire.accept('categories') }, signal });
        const typed = /json/i.test(res.headers.get('content-type') ?? '');
        return createServerModel(wire.decode('categories', res), { typed });
      })();
      cached = loading;
      // A failed discovery must not stick: the next call asks again.
      loading.catch(() => {
        if (cached === loading) cached = undefined;
      });
    }
    return cached;
  };

  const ctx: ClientContext = { http, wire, model };
  const entities = createEntitiesApi(ctx);
  return {
    url: http.baseUrl.toString(),
    rendering: wire.rendering,
    model,
    entities,
    mixins: createMixinsApi(ctx),
    broker: createBrokerApi(ctx, entities),
    http,
  };
}
