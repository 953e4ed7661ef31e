import type { Manifest, UsageRecord } from '@accords/model';
import type { AgreementRecord, ResourceRecord } from '../types';

/** What the entity of a resource shows of its agreement. */
export interface ResourceOwner {
  id: string;
  manifest: Manifest;
}

/**
 * How the broker's state shows as OCCI entities. Each call runs inside the caller's transaction,
 * so an entity and the broker record it mirrors commit together.
 */
export interface Projection {
  /** Creates the agreement entity (and, when given, the manifest entity's link to it). */
  agreementCreated(a: AgreementRecord): Promise<void>;
  /** Mirrors a change of state, plan, contract or term states. */
  agreementChanged(a: AgreementRecord): Promise<void>;
  /** Creates or updates the Infrastructure entity of a resource, linked to its agreement. */
  resourceChanged(r: ResourceRecord, a: ResourceOwner): Promise<void>;
  /** Removes the entity of a released resource (and its links). */
  resourceRemoved(r: ResourceRecord): Promise<void>;
  /** Creates the `usage` entity of a usage record just written. */
  usageRecorded(record: UsageRecord, agreementId: string): Promise<void>;
}

/** A projection that shows nothing (for runs without an OCCI store, e.g. benchmarks of the core). */
export const NO_PROJECTION: Projection = {
  agreementCreated: async () => undefined,
  agreementChanged: async () => undefined,
  resourceChanged: async () => undefined,
  resourceRemoved: async () => undefined,
  usageRecorded: async () => undefined,
};
