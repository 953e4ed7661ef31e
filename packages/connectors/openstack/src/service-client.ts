import type { HttpResponse } from './http';
import { OpenStackHttpError, requestJson } from './http';
import type { KeystoneSession } from './keystone';

/** One authenticated call to a catalogued service. */
export interface ServiceCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Path below the service endpoint, starting with `/`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** Options of a {@link ServiceClient}. */
export interface ServiceClientOptions {
  session: KeystoneSession;
  serviceType: string;
  region?: string;
  interface?: string;
  /** Replaces the catalogue endpoint (some clouds publish unreachable internal URLs). */
  endpointOverride?: string;
  timeoutMs?: number;
}

/**
 * Calls one OpenStack service with the session's token; re-authenticates once on 401.
 * @example
 * ```ts
 * const glance = new ServiceClient({ session, serviceType: 'image', region: 'RegionOne' });
 * const { body } = await glance.call({ method: 'GET', path: '/v2/images' });
 * ```
 */
export class ServiceClient {
  readonly serviceType: string;
  private readonly options: ServiceClientOptions;

  constructor(options: ServiceClientOptions) {
    this.options = options;
    this.serviceType = options.serviceType;
  }

  /** The service's endpoint URL, from the catalogue or the override. */
  async endpoint(signal?: AbortSignal): Promise<string> {
    if (this.options.endpointOverride) return this.options.endpointOverride.replace(/\/+$/, '');
    return this.options.session.endpoint({ serviceType: this.serviceType, region: this.options.region, interface: this.options.interface, signal });
  }

  /** Sends one call and returns the parsed answer. @throws OpenStackHttpError */
  async call<T = unknown>(call: ServiceCall): Promise<HttpResponse<T>> {
    const base = await this.endpoint(call.signal);
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) qs.append(k, String(v));
    const url = `${base}${call.path}${qs.size > 0 ? `?${qs.toString()}` : ''}`;
    for (let attempt = 0; ; attempt++) {
      const token = await this.options.session.getToken(call.signal);
      try {
        return await requestJson<T>({
          method: call.method,
          url,
          service: this.serviceType,
          headers: { 'x-auth-token': token.value, ...call.headers },
          body: call.body,
          signal: call.signal,
          timeoutMs: call.timeoutMs ?? this.options.timeoutMs ?? 60_000,
        });
      } catch (error) {
        if (attempt === 0 && error instanceof OpenStackHttpError && error.status === 401) {
          this.options.session.invalidate(token);
          continue;
        }
        throw error;
      }
    }
  }
}
