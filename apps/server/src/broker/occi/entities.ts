import { toOcci } from '@accords/model';
import type { Contract, Invoice, UsageRecord } from '@accords/model';
import type { Attributes, ResourceData } from '@accords/occi';
import type { AgreementRecord, ResourceRecord, ServicePhase } from '../types';
import type { ResourceOwner } from '../workflow/projection';
import { derivedId } from './derived-id';
import { KIND_IDS } from './ids';

/** Locations of the broker's entities for an agreement. */
export const locations = {
  agreement: (id: string) => `/agreement/${id}`,
  manifest: (id: string) => `/manifest/${id}`,
  service: (agreementId: string) => `/service/${derivedId(`service:${agreementId}`)}`,
  serviceId: (agreementId: string) => derivedId(`service:${agreementId}`),
  contract: (id: string) => `/contract/${id}`,
  usage: (id: string) => `/usage/${id}`,
  invoice: (id: string) => `/invoice/${id}`,
  resource: (r: Pick<ResourceRecord, 'kind' | 'id'>) => `/${r.kind}/${r.id}`,
  agreementLinkId: (resourceId: string) => derivedId(`agreement_link:${resourceId}`),
};

const OCCI_STATE: Record<ResourceRecord['kind'], (s: ResourceRecord['state']) => string> = {
  compute: (s) => (s === 'running' ? 'active' : s === 'suspended' ? 'suspended' : s === 'failed' ? 'error' : 'inactive'),
  storage: (s) => (s === 'running' ? 'online' : s === 'failed' ? 'error' : 'offline'),
  network: (s) => (s === 'running' ? 'active' : s === 'failed' ? 'error' : 'inactive'),
};

/** The model's service state for a broker phase (the phase itself is shown beside it). */
const SERVICE_STATE: Record<ServicePhase, string> = {
  planned: 'pending', provisioning: 'deploying', running: 'running', stopped: 'stopped', suspended: 'suspended',
  failed: 'failed', releasing: 'terminated', released: 'terminated',
};

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const iso = (t: number) => new Date(t).toISOString();

/**
 * The SLA agreement entity with the model's `agreement` mixin: the model's Agreement attributes
 * (manifestId, terms, termStates, plan, contractId, reason, dates) plus the broker's extras
 * (manifest, phase, price, currency, contract, service, moves).
 *
 * @param a - the agreement record
 * @returns the entity
 * @example
 * const entity = agreementEntity(record);
 */
export function agreementEntity(a: AgreementRecord): ResourceData {
  const base = toOcci('Agreement', {
    id: a.id, manifestId: a.manifestId, state: a.state, terms: json(a.manifest.terms), termStates: json(a.termStates), plan: json(a.plan),
    ...(a.contract ? { contractId: a.contract.id } : {}), ...(a.reason ? { reason: a.reason } : {}),
    createdAt: iso(a.createdAt), updatedAt: iso(a.updatedAt),
  }, { location: locations.agreement(a.id) }) as ResourceData;
  const attributes: Attributes = {
    ...base.attributes,
    'accords.agreement.manifest': locations.manifest(a.manifestId),
    'accords.agreement.phase': a.phase,
    'accords.agreement.price': a.plan.pricePerHour,
    'accords.agreement.currency': a.plan.currency,
  };
  if (a.moves) attributes['accords.agreement.moves'] = a.moves.map((m) => ({ id: m.id, node: m.node, from: m.from, to: m.to, savingPerHour: m.savingPerHour, state: m.state, at: m.at }));
  if (a.contract) {
    attributes['occi.agreement.agreedAt'] = a.contract.acceptedAt;
    attributes['occi.agreement.effectiveFrom'] = a.contract.effectiveFrom;
    if (a.contract.effectiveUntil) attributes['occi.agreement.effectiveUntil'] = a.contract.effectiveUntil;
    attributes['accords.agreement.contract'] = locations.contract(a.contract.id);
    attributes['accords.agreement.service'] = locations.service(a.id);
  }
  return { ...base, title: a.name, attributes };
}

/**
 * The Infrastructure entity of a resource, with the model's `provisioned` mixin and the broker's
 * extras (agreement, node, replica, price, provider-side id).
 *
 * @param r - the resource record
 * @param a - its agreement (id and manifest)
 * @returns the entity
 * @example
 * const entity = resourceEntity(resource, agreement);
 */
export function resourceEntity(r: ResourceRecord, a: ResourceOwner): ResourceData {
  const occi: Record<string, string | number> = {};
  const node = a.manifest.nodes.find((n) => n.name === r.node);
  if (r.kind === 'compute' && node) {
    occi['occi.compute.cores'] = Math.ceil(node.cores);
    occi['occi.compute.memory'] = node.memoryGiB;
    occi['occi.compute.hostname'] = r.spec.name;
  }
  if (r.spec.kind === 'storage') occi['occi.storage.size'] = r.spec.sizeGiB;
  const base = toOcci('ProvisionedResource', {
    id: r.id, providerId: r.providerId, regionId: r.regionId, kind: r.kind, name: r.spec.name,
    state: OCCI_STATE[r.kind](r.state) as never, ...(r.offerId ? { offerId: r.offerId } : {}), attributes: occi,
    addresses: [...r.addresses], createdAt: iso(r.createdAt), idempotencyKey: r.idempotencyKey,
  }, { location: locations.resource(r) }) as ResourceData;
  const attributes: Attributes = {
    ...base.attributes,
    'accords.resource.agreement': locations.agreement(a.id),
    'accords.resource.node': r.node,
    'accords.resource.replica': r.replica,
    'accords.resource.pricePerHour': r.pricePerHour,
  };
  if (r.providerResourceId) attributes['accords.resource.providerResourceId'] = r.providerResourceId;
  return { ...base, attributes };
}

/**
 * The contract entity: the model's Contract attributes plus the agreement's location.
 *
 * @param a - the agreement (with its contract)
 * @param contract - the contract
 * @returns the entity
 * @example
 * const entity = contractEntity(a, a.contract!);
 */
export function contractEntity(a: AgreementRecord, contract: Contract): ResourceData {
  const base = toOcci('Contract', json(contract), { location: locations.contract(contract.id) }) as ResourceData;
  return { ...base, title: `contract of ${a.name}`, attributes: { ...base.attributes, 'accords.contract.agreement': locations.agreement(a.id) } };
}

/**
 * The service entity of an accepted agreement: the model's service kind, its state mapped from
 * the broker's phase, and the phase itself.
 *
 * @param a - the agreement
 * @returns the entity
 * @example
 * const entity = serviceEntity(a);
 */
export function serviceEntity(a: AgreementRecord): ResourceData {
  return {
    id: locations.serviceId(a.id), kind: KIND_IDS.service, mixins: [], title: a.name, location: locations.service(a.id), links: [],
    attributes: {
      'accords.service.manifest': locations.manifest(a.manifestId), 'accords.service.agreement': locations.agreement(a.id),
      'accords.service.state': SERVICE_STATE[a.phase], 'accords.service.phase': a.phase,
    },
  };
}

/**
 * The invoice entity: the model's Invoice attributes plus the agreement's location.
 *
 * @param a - the agreement invoiced
 * @param invoice - the rated invoice
 * @returns the entity
 * @example
 * const entity = invoiceEntity(a, invoice);
 */
export function invoiceEntity(a: Pick<AgreementRecord, 'id' | 'name'>, invoice: Invoice): ResourceData {
  const base = toOcci('Invoice', json(invoice), { location: locations.invoice(invoice.id) }) as ResourceData;
  return { ...base, title: `${a.name} ${invoice.periodStart.slice(0, 7)}`, attributes: { ...base.attributes, 'accords.invoice.agreement': locations.agreement(a.id) } };
}

/**
 * The usage entity of one usage record: the model's UsageRecord attributes plus the agreement's
 * location.
 *
 * @param record - the usage record (with its contract)
 * @param agreementId - the agreement it bills
 * @returns the entity
 * @example
 * const entity = usageEntity(record, agreementId);
 */
export function usageEntity(record: UsageRecord, agreementId: string): ResourceData {
  const base = toOcci('UsageRecord', record, { location: locations.usage(record.id) }) as ResourceData;
  return { ...base, title: `${record.node} ${record.start}`, attributes: { ...base.attributes, 'accords.usage.agreement': locations.agreement(agreementId) } };
}
