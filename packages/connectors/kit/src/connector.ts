import type {
  Offer,
  ProvisionedResource,
  Region,
  ResourceKind,
  ResourceSpec,
  UsageReading,
} from './model-types';

/** Per-call options every connector method accepts. */
export interface CallOptions {
  /** Cancels the call; the connector rejects with a `cancelled` {@link ConnectorError}. */
  signal?: AbortSignal;
  /** Deadline for this call in milliseconds; on expiry it rejects with a `timeout` error. */
  timeoutMs?: number;
}

/** Names of the actions the SPI knows, per OCCI Infrastructure (compute, storage, network). */
export type ResourceActionName =
  | 'start'
  | 'stop'
  | 'restart'
  | 'suspend'
  | 'resume'
  | 'save'
  | 'up'
  | 'down'
  | 'online'
  | 'offline';

/** An action request: a name, or a name with its mode (`graceful` by default, or `force`). */
export type ResourceAction =
  | ResourceActionName
  | {
      name: ResourceActionName;
      /** `graceful` asks the guest (ACPI); `force` cuts power. Default `graceful`. */
      mode?: 'graceful' | 'force';
      /** `save`: name of the image to create. */
      imageName?: string;
    };

/**
 * What a connector can do, declared up front (as a feature record): the broker only asks for
 * what is declared, and the conformance suite tests everything that is.
 */
export interface ConnectorCapabilities {
  /** Resource kinds `create` accepts. */
  resourceKinds: readonly ResourceKind[];
  /** Actions `act` accepts, per declared kind. */
  actions: Partial<Record<ResourceKind, readonly ResourceActionName[]>>;
  /** `resize` is implemented (for compute). */
  resize: boolean;
  /** `usage` is implemented. */
  usage: boolean;
  /** `images` is implemented. */
  images: boolean;
  /** Whether `create` returns before the resource is ready (state `pending`). */
  asyncProvisioning: boolean;
  /** Largest number of calls the backend takes in parallel, if it has a limit. */
  maxConcurrency?: number;
}

/** A snapshot of the offer catalogue, served from a background-refreshed cache. */
export interface OfferCatalogue {
  /** ISO 8601 time the snapshot was fetched from the backend. */
  asOf: string;
  offers: Offer[];
}

/** An image (OS template) usable for compute resources, after filtering. */
export interface ImageInfo {
  id: string;
  name: string;
  /** OS family, e.g. `linux`, `windows`. */
  os?: string;
  /** Distribution and version, e.g. `ubuntu-24.04`. */
  distribution?: string;
  architecture?: string;
  /** Regions the image exists in (all when absent). */
  regionIds?: string[];
  /** ISO 8601 publication time, when known. */
  createdAt?: string;
}

/** Which usage to read: readings overlapping `[start, end)`. */
export interface UsageQuery {
  /** RFC 3339 start (inclusive). */
  start: string;
  /** RFC 3339 end (exclusive). */
  end: string;
  /** Restrict to these resources (all when absent). */
  resourceIds?: string[];
}

/**
 * The connector SPI: one backend (a cloud, a hypervisor, another OCCI server) seen by Accords.
 *
 * Rules every implementation follows (the conformance suite checks them):
 * - every failure is a {@link ConnectorError} of the right kind;
 * - `create` is idempotent on `spec.idempotencyKey`: the same key never creates twice and
 *   returns the resource made the first time;
 * - `act` asking for the state the resource is already in returns it unchanged;
 * - `offers` never calls the backend on the request path (it reads a cache refreshed in the background);
 * - every call honours `opts.signal` and `opts.timeoutMs`.
 */
export interface Connector {
  /** Provider id, as in the model's provider catalogue. */
  readonly providerId: string;
  /** What this connector supports. */
  readonly capabilities: ConnectorCapabilities;
  /** The provider's regions. */
  regions(opts?: CallOptions): Promise<Region[]>;
  /** The cached offer catalogue. */
  offers(opts?: CallOptions): Promise<OfferCatalogue>;
  /** The filtered image list (when `capabilities.images`). */
  images?(opts?: CallOptions): Promise<ImageInfo[]>;
  /** Creates a resource, or returns the one already created with the same idempotency key. */
  create(spec: ResourceSpec, opts?: CallOptions): Promise<ProvisionedResource>;
  /** Reads one resource; `not_found` when it does not exist. */
  get(id: string, opts?: CallOptions): Promise<ProvisionedResource>;
  /** Lists every resource this connector manages (for reconciliation). */
  list(opts?: CallOptions): Promise<ProvisionedResource[]>;
  /** Runs an action; the returned resource may still be `pending`. */
  act(id: string, action: ResourceAction, opts?: CallOptions): Promise<ProvisionedResource>;
  /** Moves a compute resource to another offer (when `capabilities.resize`). */
  resize?(id: string, offerId: string, opts?: CallOptions): Promise<ProvisionedResource>;
  /** Deletes a resource; `not_found` when it does not exist. */
  delete(id: string, opts?: CallOptions): Promise<void>;
  /** Usage readings (when `capabilities.usage`). */
  usage?(q: UsageQuery, opts?: CallOptions): Promise<UsageReading[]>;
  /** Releases timers, sockets and caches. */
  close?(): Promise<void>;
}
