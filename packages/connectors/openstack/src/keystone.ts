import { createHash } from 'node:crypto';
import { OpenStackHttpError, requestJson } from './http';

/** Keystone v3 credentials: a user's password scoped to a project, or an application credential. */
export type KeystoneCredentials =
  | {
      kind: 'password';
      username: string;
      userDomainName?: string;
      projectName: string;
      projectDomainName?: string;
      /** Returns the password; called at each (re)authentication so it is never stored by the session. */
      password: () => Promise<string>;
    }
  | {
      kind: 'application_credential';
      /** Application credential id (preferred) ... */
      id?: string;
      /** ... or its name together with the owning user's name and domain. */
      name?: string;
      username?: string;
      userDomainName?: string;
      /** Returns the credential's secret; called at each (re)authentication. */
      secret: () => Promise<string>;
    };

/** One endpoint of the service catalogue. */
export interface CatalogEndpoint {
  serviceType: string;
  serviceName: string;
  interface: string;
  region: string;
  url: string;
}

/** A token and what came with it. */
export interface KeystoneToken {
  value: string;
  expiresAt: number;
  projectId: string | undefined;
  catalog: CatalogEndpoint[];
}

/** Options of a {@link KeystoneSession}. */
export interface KeystoneSessionOptions {
  /** Identity endpoint, e.g. `http://127.0.0.1:5000/v3`. */
  authUrl: string;
  credentials: KeystoneCredentials;
  /** Renew the token this long before it expires (default 5 minutes). */
  renewBeforeMs?: number;
  timeoutMs?: number;
  /** Clock, for tests. */
  now?: () => number;
  /**
   * Tokens shared between sessions with the same endpoint and credentials (keyed by a hash that
   * includes the secret). Default: one cache per process; `false` for none.
   */
  tokenCache?: Map<string, KeystoneToken> | false;
}

const SHARED_TOKENS = new Map<string, KeystoneToken>();

/** The cache key of a set of credentials: a hash, so that neither the secret nor the user name sits in memory twice. */
function cacheKey(authUrl: string, credentials: KeystoneCredentials, secret: string): string {
  const { password: _p, secret: _s, ...identity } = credentials as Record<string, unknown>;
  return createHash('sha256').update(JSON.stringify([authUrl, identity, secret])).digest('hex');
}

interface RawCatalogEntry {
  type: string;
  name?: string;
  endpoints?: { interface: string; region_id?: string; region?: string; url: string }[];
}

/**
 * Builds the body of `POST /v3/auth/tokens` for the given credentials and secret.
 * @param credentials - Password (project-scoped) or application credential.
 * @param secret - The resolved password or application-credential secret.
 * @returns The JSON body Keystone expects.
 * @example
 * ```ts
 * authRequestBody({ kind: 'application_credential', id: 'ac1', secret: async () => '' }, 's3cret');
 * ```
 */
export function authRequestBody(credentials: KeystoneCredentials, secret: string): unknown {
  if (credentials.kind === 'password') {
    return {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: credentials.username, domain: { name: credentials.userDomainName ?? 'Default' }, password: secret } },
        },
        scope: { project: { name: credentials.projectName, domain: { name: credentials.projectDomainName ?? 'Default' } } },
      },
    };
  }
  const appCred: Record<string, unknown> = { secret };
  if (credentials.id) appCred.id = credentials.id;
  else {
    appCred.name = credentials.name;
    appCred.user = { name: credentials.username, domain: { name: credentials.userDomainName ?? 'Default' } };
  }
  return { auth: { identity: { methods: ['application_credential'], application_credential: appCred } } };
}

/**
 * Flattens Keystone's catalogue into one row per endpoint (trailing slashes removed).
 * @param raw - The `catalog` array of a token.
 * @returns The endpoints with their service type, interface and region.
 * @example
 * ```ts
 * parseCatalog([{ type: 'image', endpoints: [{ interface: 'public', region_id: 'R', url: 'http://g:9292/' }] }]);
 * ```
 */
export function parseCatalog(raw: RawCatalogEntry[] | undefined): CatalogEndpoint[] {
  const out: CatalogEndpoint[] = [];
  for (const entry of raw ?? []) {
    for (const ep of entry.endpoints ?? []) {
      out.push({ serviceType: entry.type, serviceName: entry.name ?? entry.type, interface: ep.interface, region: ep.region_id ?? ep.region ?? '', url: ep.url.replace(/\/+$/, '') });
    }
  }
  return out;
}

/**
 * A Keystone v3 session: authenticates lazily, shares one token between concurrent callers,
 * renews it before it expires, and re-authenticates once when a service answers 401.
 * @example
 * ```ts
 * const session = new KeystoneSession({ authUrl: 'http://127.0.0.1:5000/v3',
 *   credentials: { kind: 'password', username: 'admin', projectName: 'admin', password: async () => process.env.OS_PASSWORD! } });
 * const nova = await session.endpoint({ serviceType: 'compute', region: 'RegionOne' });
 * ```
 */
export class KeystoneSession {
  private readonly options: KeystoneSessionOptions;
  private token: KeystoneToken | undefined;
  /** A token a service refused: never taken from the shared cache again. */
  private rejected: KeystoneToken | undefined;
  private pending: Promise<KeystoneToken> | undefined;

  constructor(options: KeystoneSessionOptions) {
    this.options = options;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /**
   * Returns a valid token, authenticating when there is none or it is about to expire.
   * @param signal - Cancels the authentication.
   * @returns The token with its project and catalogue.
   * @throws OpenStackHttpError when Keystone refuses the credentials (401).
   */
  async getToken(signal?: AbortSignal): Promise<KeystoneToken> {
    const renewBefore = this.options.renewBeforeMs ?? 5 * 60_000;
    if (this.token && this.token.expiresAt - renewBefore > this.now()) return this.token;
    return this.authenticate(signal);
  }

  /**
   * Forgets the current token (after a 401) so the next call authenticates again.
   * @param token - The token a service refused; ignored if the session has moved on already.
   */
  invalidate(token?: KeystoneToken): void {
    if (!token || this.token === token) {
      this.rejected = this.token;
      this.token = undefined;
    }
  }

  /**
   * Authenticates now; concurrent callers share the same request.
   * @param signal - Cancels the authentication.
   * @returns The new (or shared cached) token.
   */
  authenticate(signal?: AbortSignal): Promise<KeystoneToken> {
    if (!this.pending) {
      this.pending = this.issue(signal).finally(() => {
        this.pending = undefined;
      });
    }
    return this.pending;
  }

  private async issue(signal?: AbortSignal): Promise<KeystoneToken> {
    const creds = this.options.credentials;
    const secret = creds.kind === 'password' ? await creds.password() : await creds.secret();
    const cache = this.options.tokenCache === false ? undefined : (this.options.tokenCache ?? SHARED_TOKENS);
    const key = cache ? cacheKey(this.options.authUrl, creds, secret) : '';
    const cached = cache?.get(key);
    if (cached && cached !== this.rejected && cached.expiresAt - (this.options.renewBeforeMs ?? 5 * 60_000) > this.now()) {
      this.token = cached;
      return cached;
    }
    const url = `${this.options.authUrl.replace(/\/+$/, '')}/auth/tokens`;
    const res = await requestJson<{ token: { expires_at: string; project?: { id: string }; catalog?: RawCatalogEntry[] } }>({
      method: 'POST',
      url,
      service: 'identity',
      body: authRequestBody(creds, secret),
      signal,
      timeoutMs: this.options.timeoutMs ?? 30_000,
    });
    const value = res.headers.get('x-subject-token');
    if (!value) throw new OpenStackHttpError({ status: res.status, service: 'identity', method: 'POST', url, body: 'no X-Subject-Token header in the answer' });
    const token: KeystoneToken = {
      value,
      expiresAt: Date.parse(res.body.token.expires_at),
      projectId: res.body.token.project?.id,
      catalog: parseCatalog(res.body.token.catalog),
    };
    this.token = token;
    cache?.set(key, token);
    return token;
  }

  /**
   * Finds the endpoint of a service type in the catalogue.
   * @param query - Service type, region, interface (default `public`) and signal.
   * @returns The endpoint URL without a trailing slash.
   * @throws OpenStackHttpError (status 404) when the catalogue has no such endpoint.
   */
  async endpoint(query: { serviceType: string; region?: string; interface?: string; signal?: AbortSignal }): Promise<string> {
    const token = await this.getToken(query.signal);
    const itf = query.interface ?? 'public';
    const match = token.catalog.find((e) => e.serviceType === query.serviceType && e.interface === itf && (!query.region || e.region === query.region));
    if (!match) {
      throw new OpenStackHttpError({
        status: 404,
        service: 'identity',
        method: 'GET',
        url: 'catalog',
        body: `no ${itf} endpoint for service type '${query.serviceType}'${query.region ? ` in region '${query.region}'` : ''}`,
      });
    }
    return match.url;
  }

  /**
   * Regions that offer the given service type, from the catalogue.
   * @param serviceType - e.g. `compute`.
   * @param signal - Cancels the authentication, if one is needed.
   * @returns Region ids, sorted.
   */
  async regions(serviceType: string, signal?: AbortSignal): Promise<string[]> {
    const token = await this.getToken(signal);
    return [...new Set(token.catalog.filter((e) => e.serviceType === serviceType).map((e) => e.region))].sort();
  }
}
