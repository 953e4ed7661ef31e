import { resolveSecret, Secret } from '@accords/connector-kit';
import type { SecretRef } from '@accords/connector-kit';
import { createClient, isOcciClientError, parseRetryAfter } from '@accords/sdk';
import type { Client, Rendering } from '@accords/sdk';
import { mapRemoteError } from './map-error';
import type { OcciConnectorOptions } from './options';

/** The remote OCCI server as the connector talks to it: one SDK client per rendering, chosen by negotiation. */
export interface Remote {
  /** The rendering currently spoken. */
  rendering(): Rendering;
  /**
   * Runs `fn` with the client of the current rendering. With `rendering: 'auto'`, a 406 or 415
   * answer switches to the other rendering (JSON ↔ text/plain) for this and every later call.
   * @throws {ConnectorError} whatever failed, mapped onto the kit's taxonomy
   */
  run<T>(operation: string, fn: (client: Client) => Promise<T>): Promise<T>;
}

async function reveal(ref: SecretRef | Secret): Promise<string> {
  return (ref instanceof Secret ? ref : await resolveSecret(ref)).reveal();
}

/**
 * Creates the {@link Remote} of a connector: resolves the credentials once (never logged), and
 * keeps the `Retry-After` of 429/503 answers for the error mapping.
 * @param options - the connector options
 * @returns the remote
 */
export function createRemote(options: OcciConnectorOptions): Remote {
  const choice = options.rendering ?? 'auto';
  let current: Rendering = choice === 'text/plain' ? 'text/plain' : 'application/occi+json';
  const clients = new Map<Rendering, Promise<Client>>();
  const retryAfter = new Map<string, number>();
  const baseFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  const recordingFetch: typeof fetch = async (input, init) => {
    const res = await baseFetch(input, init);
    const header = res.headers.get('retry-after');
    const key = `${init?.method ?? 'GET'} ${String(input)}`;
    const ms = header !== null && (res.status === 429 || res.status === 503 || res.status === 413) ? parseRetryAfter(header, Date.now()) : undefined;
    if (ms !== undefined) retryAfter.set(key, ms);
    else retryAfter.delete(key);
    return res;
  };

  const clientFor = (rendering: Rendering): Promise<Client> => {
    let client = clients.get(rendering);
    if (!client) {
      client = (async () => {
        const base = { url: options.url, rendering, fetch: recordingFetch, retries: options.httpRetries ?? 0 };
        if (options.token !== undefined) return createClient({ ...base, token: await reveal(options.token) });
        if (options.basic) return createClient({ ...base, basic: { username: options.basic.username, password: await reveal(options.basic.password) } });
        return createClient(base);
      })();
      clients.set(rendering, client);
      // A credential that could not be read must be read again next time (the file may appear).
      client.catch(() => clients.delete(rendering));
    }
    return client;
  };

  const map = (error: unknown, operation: string) => {
    const request = isOcciClientError(error) ? error.request : undefined;
    const key = request ? `${request.method} ${request.url}` : undefined;
    const ms = key ? retryAfter.get(key) : undefined;
    if (key) retryAfter.delete(key);
    return mapRemoteError(error, { providerId: options.providerId, operation, ...(ms !== undefined ? { retryAfterMs: ms } : {}) });
  };

  return {
    rendering: () => current,
    async run(operation, fn) {
      const first = current;
      try {
        return await fn(await clientFor(first));
      } catch (error) {
        const refused = isOcciClientError(error) && (error.status === 406 || error.status === 415);
        if (!(choice === 'auto' && refused)) throw map(error, operation);
        if (current === first) {
          current = first === 'text/plain' ? 'application/occi+json' : 'text/plain';
          options.onWarning?.(`${options.providerId}: the remote answered ${(error as { status: number }).status} to ${first}; speaking ${current} from now on`);
        }
        try {
          return await fn(await clientFor(current));
        } catch (again) {
          throw map(again, operation);
        }
      }
    },
  };
}
