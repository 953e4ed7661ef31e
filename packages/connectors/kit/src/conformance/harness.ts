import { isTransitional } from '../actions';
import type { Connector } from '../connector';
import { isConnectorError } from '../errors/connector-error';
import type { ConnectorErrorKind } from '../errors/connector-error';
import type { ProvisionedResource, ResourceKind, ResourceSpec } from '../model-types';
import type { ConformanceOptions, ConformanceSubject } from './types';

/** Everything a conformance test needs: the subject, settings, and what it created. */
export interface Harness {
  subject: ConformanceSubject;
  connector: Connector;
  options: Required<Pick<ConformanceOptions, 'settleTimeoutMs' | 'pollIntervalMs' | 'storageSizeGiB' | 'networkCidr'>> & ConformanceOptions;
  created: Set<string>;
}

let counter = 0;
const run = Math.random().toString(36).slice(2, 10);

/** A fresh idempotency key, unique across runs against a shared backend. */
export function freshKey(label: string): string {
  counter += 1;
  return `conf-${run}-${label}-${counter}`;
}

/** The kinds under test that the connector declares, in the order given; fails when none is. */
export function declaredKinds(h: Harness, kinds: readonly ResourceKind[]): ResourceKind[] {
  const declared = kinds.filter((k) => h.connector.capabilities.resourceKinds.includes(k));
  if (declared.length === 0) throw new Error(`the connector declares none of the kinds under test (${kinds.join(', ')})`);
  return declared;
}

/** Waits `ms` of backend time. */
export async function pause(h: Harness, ms: number): Promise<void> {
  if (h.subject.advance) await h.subject.advance(ms);
  else await new Promise((r) => setTimeout(r, ms));
}

/** Polls `get` until the resource leaves its transitional state; returns it. */
export async function settle(h: Harness, id: string): Promise<ProvisionedResource> {
  const rounds = Math.ceil(h.options.settleTimeoutMs / h.options.pollIntervalMs);
  let last: ProvisionedResource | undefined;
  for (let i = 0; i <= rounds; i++) {
    last = await h.connector.get(id);
    if (!isTransitional(last.state)) return last;
    await pause(h, h.options.pollIntervalMs);
  }
  throw new Error(`resource ${id} still ${last?.state} after ${h.options.settleTimeoutMs} ms of backend time`);
}

/** Polls until `get` answers not_found; fails when it never does. */
export async function settleGone(h: Harness, id: string): Promise<void> {
  const rounds = Math.ceil(h.options.settleTimeoutMs / h.options.pollIntervalMs);
  for (let i = 0; i <= rounds; i++) {
    try {
      await h.connector.get(id);
    } catch (err) {
      if (isConnectorError(err) && err.kind === 'not_found') return;
      throw err;
    }
    await pause(h, h.options.pollIntervalMs);
  }
  throw new Error(`resource ${id} still readable after delete and ${h.options.settleTimeoutMs} ms of backend time`);
}

/** Resolves the region and offers the suite creates with. */
export async function placement(h: Harness): Promise<{ regionId: string; offerId: string | undefined; otherOfferId: string | undefined }> {
  const regions = await h.connector.regions();
  const regionId = h.options.regionId ?? regions[0]?.id;
  if (!regionId) throw new Error('the connector lists no region to create in');
  const { offers } = await h.connector.offers();
  const inRegion = offers.filter((o) => o.regionId === regionId && o.capacity > 0);
  const offerId = h.options.computeOfferId ?? inRegion[0]?.id;
  const otherOfferId = h.options.resizeOfferId ?? inRegion.find((o) => o.id !== offerId)?.id;
  return { regionId, offerId, otherOfferId };
}

/** A valid spec of `kind` with a fresh key. */
export async function specFor(h: Harness, kind: ResourceKind, key = freshKey(kind)): Promise<ResourceSpec> {
  const { regionId, offerId } = await placement(h);
  const name = `conformance-${kind}-${counter}`;
  if (kind === 'compute') {
    const declared = h.connector.capabilities.resourceKinds.includes('compute');
    if (!offerId && declared) throw new Error(`no compute offer with capacity in region ${regionId}`);
    return { kind, idempotencyKey: key, regionId, offerId: offerId ?? 'conformance-offer', name, ...(h.options.image ? { image: h.options.image } : {}), labels: { suite: 'conformance' } };
  }
  if (kind === 'storage') return { kind, idempotencyKey: key, regionId, name, sizeGiB: h.options.storageSizeGiB, labels: { suite: 'conformance' } };
  return { kind, idempotencyKey: key, regionId, name, cidr: h.options.networkCidr, labels: { suite: 'conformance' } };
}

/** Creates and remembers the resource for clean-up. */
export async function createTracked(h: Harness, spec: ResourceSpec): Promise<ProvisionedResource> {
  const r = await h.connector.create(spec);
  h.created.add(r.id);
  return r;
}

/** Deletes whatever the test left behind (ignoring not_found). */
export async function cleanUp(h: Harness): Promise<void> {
  for (const id of h.created) {
    try {
      await h.connector.delete(id);
    } catch (err) {
      if (!(isConnectorError(err) && err.kind === 'not_found')) throw err;
    }
  }
  h.created.clear();
}

/** Awaits a promise that must reject with a connector error of one of `kinds`; returns the error. */
export async function expectKind(promise: Promise<unknown>, kinds: ConnectorErrorKind | ConnectorErrorKind[]): Promise<Error> {
  const wanted = Array.isArray(kinds) ? kinds : [kinds];
  let outcome: unknown;
  try {
    await promise;
    outcome = undefined;
  } catch (err) {
    outcome = err;
  }
  if (outcome === undefined) throw new Error(`expected a ConnectorError of kind ${wanted.join(' | ')}, but the call succeeded`);
  if (!isConnectorError(outcome)) throw new Error(`expected a ConnectorError of kind ${wanted.join(' | ')}, got ${String(outcome)}`, { cause: outcome });
  if (!wanted.includes(outcome.kind)) {
    throw new Error(`expected a ConnectorError of kind ${wanted.join(' | ')}, got ${outcome.kind}: ${outcome.message}`, { cause: outcome });
  }
  return outcome;
}

/** Resources listed with the given idempotency key. */
export async function listedWithKey(h: Harness, key: string): Promise<ProvisionedResource[]> {
  return (await h.connector.list()).filter((r) => r.idempotencyKey === key);
}
