import type { OpenStackHttpError } from './http';
import { faultMessage } from './http';

/** The kit's error kinds, as OpenStack failures map onto them. */
export type FaultKind = 'transient' | 'throttled' | 'capacity' | 'quota' | 'auth' | 'not_found' | 'invalid' | 'conflict' | 'unsupported' | 'unknown';

/** How one OpenStack failure classifies. */
export interface FaultClass {
  kind: FaultKind;
  message: string;
  retryAfterMs?: number;
}

const QUOTA = /quota exceeded|over ?quota|quota.*exceed|exceeds? .*quota/i;
const NO_VALID_HOST = /no valid host|insufficient.*(resources|capacity)|not enough (resources|hosts)/i;
const TRANSIENT_STATUS = new Set([0, 502, 503, 504]);

/**
 * Classifies one HTTP failure of an OpenStack service.
 * Nova reports quota as 403 (older: 413), Neutron as 409 `OverQuota`; 429 and 413 with `Retry-After`
 * are throttling; "No valid host" (500 on some paths) is capacity; 401 is authentication.
 * @param error - The failed exchange.
 * @returns The kind, the service's message and a retry delay for transient and throttled faults.
 * @example
 * ```ts
 * classifyHttpFault(new OpenStackHttpError({ status: 429, service: 'compute', method: 'GET', url: u, body: '' })).kind; // 'throttled'
 * ```
 */
export function classifyHttpFault(error: OpenStackHttpError): FaultClass {
  const message = faultMessage(error.body) ?? error.body.slice(0, 500);
  const text = `${message} ${error.body.slice(0, 2000)}`;
  const s = error.status;
  if (QUOTA.test(text) && (s === 403 || s === 409 || s === 413 || s === 400)) return { kind: 'quota', message };
  if (s === 429 || (s === 413 && error.retryAfterMs !== undefined)) return { kind: 'throttled', message, retryAfterMs: error.retryAfterMs ?? 1000 };
  if (NO_VALID_HOST.test(text)) return { kind: 'capacity', message };
  if (s === 401 || s === 403) return { kind: 'auth', message };
  if (s === 404) return { kind: 'not_found', message };
  if (s === 409) return { kind: 'conflict', message };
  if (s === 400 || s === 413 || s === 422) return { kind: 'invalid', message };
  if (s === 501) return { kind: 'unsupported', message };
  if (TRANSIENT_STATUS.has(s)) return { kind: 'transient', message, retryAfterMs: error.retryAfterMs ?? 1000 };
  return { kind: 'unknown', message };
}

/**
 * Classifies the `fault` of a server that went to ERROR (Nova keeps `{code, message, details}`):
 * "No valid host" is capacity, quota is quota, anything else unknown.
 * @param fault - The server's `fault`, if any.
 * @returns The kind and message.
 * @example
 * ```ts
 * classifyServerFault({ code: 500, message: 'No valid host was found. ' }).kind; // 'capacity'
 * ```
 */
export function classifyServerFault(fault: { code?: number; message?: string; details?: string } | undefined): FaultClass {
  const message = fault?.message ?? 'server went to ERROR without a fault';
  if (NO_VALID_HOST.test(message)) return { kind: 'capacity', message };
  if (QUOTA.test(message)) return { kind: 'quota', message };
  return { kind: 'unknown', message };
}
