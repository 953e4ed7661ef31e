import type { Contract, GuaranteeStatus, Manifest, PlacementPlan, ResourceKind, ResourceSpec } from '@accords/model';

/** How far the service of an agreement has come (beside the SLA state of the agreement). */
export type ServicePhase = 'planned' | 'provisioning' | 'running' | 'stopped' | 'suspended' | 'failed' | 'releasing' | 'released';

/** What the broker keeps about one agreement. */
export interface AgreementRecord {
  id: string;
  tenantId: string;
  manifestId: string;
  name: string;
  state: 'pending' | 'accepted' | 'rejected' | 'suspended' | 'terminated';
  phase: ServicePhase;
  manifest: Manifest;
  plan: BrokerPlan;
  contract: Contract | null;
  termStates: GuaranteeStatus[];
  reason: string | null;
  createdAt: number;
  updatedAt: number;
  /** Re-placement moves, when loaded (shown on the agreement entity). */
  moves?: { id: string; node: string; from: string; to: string; savingPerHour: number; state: string; at: string }[];
}

/** The model's plan plus what the scheduler said about how it solved it. */
export type BrokerPlan = PlacementPlan & { notes?: string[]; solver?: Record<string, unknown> };

/** Life of one provisioned resource as the broker tracks it. */
export type ResourcePhase =
  | 'planned' | 'provisioning' | 'running' | 'stopped' | 'suspended' | 'failed' | 'releasing' | 'released' | 'lost';

/** One resource the broker creates (or created) at a provider for an agreement. */
export interface ResourceRecord {
  /** Also the id of its OCCI entity (`/compute/<id>`, ...). */
  id: string;
  tenantId: string;
  agreementId: string;
  node: string;
  replica: number;
  kind: ResourceKind;
  /** `primary`, or `replacement` while a make-before-break move runs. */
  role: 'primary' | 'replacement';
  spec: ResourceSpec;
  providerId: string;
  regionId: string;
  offerId: string | null;
  pricePerHour: number;
  currency: string;
  idempotencyKey: string;
  providerResourceId: string | null;
  state: ResourcePhase;
  addresses: string[];
  error: { code: string; message: string } | null;
  /** Epoch ms since when it runs (billing). */
  runningSince: number | null;
  /** Resource ids this one waits for. */
  dependsOn: string[];
  createdAt: number;
  updatedAt: number;
}

/** An event of the progress stream. */
export interface BrokerEvent {
  seq: number;
  agreementId: string;
  type: 'state' | 'job' | 'move';
  data: Record<string, unknown>;
  at: number;
}
