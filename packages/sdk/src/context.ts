import type { ServerModel } from './discovery';
import type { Transport } from './transport/http';
import type { Wire } from './wire';

/** What every part of the client shares. Internal: not exported from the package. */
export interface ClientContext {
  readonly http: Transport;
  readonly wire: Wire;
  /** The server's model, fetched once and cached. */
  model(options?: { refresh?: boolean; signal?: AbortSignal }): Promise<ServerModel>;
}

/** Per-call options every method accepts. */
export interface CallOptions {
  /** Cancels this call (beside the client's own signal). */
  signal?: AbortSignal;
}
