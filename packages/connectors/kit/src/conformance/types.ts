import type { Connector } from '../connector';
import type { ConnectorErrorKind } from '../errors/connector-error';
import type { ResourceKind } from '../model-types';

/** One connector under test, as the factory builds it for every test. */
export interface ConformanceSubject {
  connector: Connector;
  /**
   * Moves the backend's time forward by `ms` (virtual clocks). Without it the suite waits in
   * real time between polls.
   */
  advance?: (ms: number) => Promise<void>;
  /** Releases what the factory made (called after each test, after leftovers are deleted). */
  dispose?: () => Promise<void>;
}

/** Builds a fresh subject; called before each test. */
export type ConformanceFactory = () => ConformanceSubject | Promise<ConformanceSubject>;

/** A backend failure the vendor can provoke, and the kind it must map to. */
export interface ErrorMappingCase {
  /** Test title, e.g. `HTTP 429 is throttled`. */
  name: string;
  /** The kind the connector must throw. */
  expectKind: ConnectorErrorKind;
  /** Provokes the failure: must reject. */
  run: (subject: ConformanceSubject) => Promise<unknown>;
}

/** Options of {@link runConnectorConformance}. */
export interface ConformanceOptions {
  /** Suite title, shown as `connector conformance: <name>` (default `connector`). */
  name?: string;
  /** Region to create in (default: the first region). */
  regionId?: string;
  /** Offer for compute creates (default: the first offer of the region). */
  computeOfferId?: string;
  /** Offer to resize to (default: another offer of the region). */
  resizeOfferId?: string;
  /** Image for compute creates. */
  image?: string;
  /** Size of storage creates (default 1 GiB). */
  storageSizeGiB?: number;
  /** CIDR of network creates (default 10.42.0.0/24). */
  networkCidr?: string;
  /** Kinds to test (default: every declared kind). */
  kinds?: ResourceKind[];
  /** Backend time to wait for a resource to settle (default 600 000 ms). */
  settleTimeoutMs?: number;
  /** Backend time between polls (default 1 000 ms). */
  pollIntervalMs?: number;
  /** An id the backend certainly does not know (default a random UUID). */
  missingId?: string;
  /** Extra error-mapping cases the backend can provoke. */
  errorCases?: ErrorMappingCase[];
  /** vitest timeout of each test (default 60 000 ms). */
  testTimeoutMs?: number;
}
