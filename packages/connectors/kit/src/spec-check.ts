import type { ConnectorCapabilities } from './connector';
import { ConnectorError } from './errors/connector-error';
import type { ResourceSpec } from './model-types';

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const CIDR = /^(?:\d{1,3}\.){3}\d{1,3}\/(?:[0-9]|[12][0-9]|3[0-2])$/;

const invalid = (pointer: string, message: string): ConnectorError =>
  new ConnectorError('invalid', `${message} (at ${pointer})`, { operation: 'create', location: { pointer, attribute: pointer.slice(1) } });

/**
 * Checks a creation request against the SPI rules and a connector's capabilities before it
 * reaches the backend (the shape of @accords/model's ResourceSpec schema).
 * @param spec - What the caller asked for (untrusted).
 * @param capabilities - The connector's declared capabilities.
 * @returns The same spec, typed.
 * @throws {ConnectorError} `invalid` naming the JSON pointer of the first wrong field;
 *   `unsupported` when the kind is not declared.
 * @example
 * ```ts
 * const checked = checkResourceSpec(spec, this.capabilities);
 * ```
 */
export function checkResourceSpec(spec: unknown, capabilities: ConnectorCapabilities): ResourceSpec {
  if (spec === null || typeof spec !== 'object') throw invalid('', 'the spec must be an object');
  const s = spec as Record<string, unknown>;
  if (s.kind !== 'compute' && s.kind !== 'storage' && s.kind !== 'network') {
    throw invalid('/kind', `kind must be compute, storage or network, got ${JSON.stringify(s.kind)}`);
  }
  if (!capabilities.resourceKinds.includes(s.kind)) {
    throw new ConnectorError('unsupported', `this connector does not create ${s.kind} resources`, { operation: 'create' });
  }
  if (typeof s.idempotencyKey !== 'string' || !KEY.test(s.idempotencyKey)) {
    throw invalid('/idempotencyKey', 'idempotencyKey must be 8–128 characters of letters, digits and ._:-');
  }
  if (typeof s.regionId !== 'string' || !ID.test(s.regionId)) throw invalid('/regionId', 'regionId must be an identifier');
  if (typeof s.name !== 'string' || s.name.length < 1 || s.name.length > 128) throw invalid('/name', 'name must be 1–128 characters');
  const offerRequired = s.kind === 'compute';
  if ((offerRequired || s.offerId !== undefined) && (typeof s.offerId !== 'string' || !ID.test(s.offerId))) {
    throw invalid('/offerId', 'offerId must be an identifier');
  }
  if (s.kind === 'storage' && (typeof s.sizeGiB !== 'number' || !(s.sizeGiB > 0) || !Number.isFinite(s.sizeGiB))) {
    throw invalid('/sizeGiB', 'sizeGiB must be a positive number');
  }
  if (s.kind === 'network' && s.cidr !== undefined && (typeof s.cidr !== 'string' || !CIDR.test(s.cidr))) {
    throw invalid('/cidr', 'cidr must be an IPv4 range such as 10.0.0.0/24');
  }
  if (s.labels !== undefined) {
    if (s.labels === null || typeof s.labels !== 'object' || Array.isArray(s.labels)) throw invalid('/labels', 'labels must be an object');
    for (const [k, v] of Object.entries(s.labels)) {
      if (typeof v !== 'string') throw invalid(`/labels/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, 'label values must be strings');
    }
  }
  return spec as ResourceSpec;
}
