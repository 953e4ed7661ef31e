import type { CallOptions } from '../connector';
import { ConnectorError, isConnectorError } from '../errors/connector-error';
import { abortError, withDeadline } from './abort';

/** Where a backend failure happened: the provider, the SPI operation and the call's signal. */
export interface FailureContext {
  providerId: string;
  operation: string;
  signal?: AbortSignal;
}

/** How {@link mapBackendError} reads one backend's failures. */
export interface BackendErrorMapping {
  /** The backend's name at the head of messages, e.g. `libvirt`. */
  backend: string;
  /** Maps the backend's own errors; `undefined` for an error it does not know (it becomes `unknown`). */
  classify: (error: unknown, context: FailureContext) => ConnectorError | undefined;
}

/** One backend call of {@link callBackend}. */
export interface BackendCall {
  providerId: string;
  operation: string;
  /** The caller's deadline and signal. */
  options?: CallOptions | undefined;
  /** Maps whatever the work threw onto the taxonomy (usually built on {@link mapBackendError}). */
  mapError: (error: unknown, context: FailureContext) => ConnectorError;
}

/**
 * Maps anything a backend call threw onto the kit's taxonomy: connector errors pass through, a
 * fired signal becomes `cancelled`/`timeout`, the backend's own errors go through `classify`,
 * and anything else becomes `unknown` with the original as `cause`.
 * @param error - What was thrown.
 * @param context - Provider, operation and the call's signal.
 * @param mapping - The backend's name and classifier.
 * @returns The error to throw.
 * @example
 * ```ts
 * const toConnectorError = (error: unknown, ctx: FailureContext) =>
 *   mapBackendError(error, ctx, { backend: 'my-cloud', classify: (e) => (e instanceof MyHttpError ? new ConnectorError('transient', e.message, { ...ctx, cause: e }) : undefined) });
 * ```
 */
export function mapBackendError(error: unknown, context: FailureContext, mapping: BackendErrorMapping): ConnectorError {
  if (isConnectorError(error)) return error;
  if (context.signal?.aborted) return abortError(context.signal, context);
  const classified = mapping.classify(error, context);
  if (classified) return classified;
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectorError('unknown', `${mapping.backend} ${context.operation}: ${message}`, { providerId: context.providerId, operation: context.operation, cause: error });
}

/**
 * Runs one SPI operation against a backend under the caller's deadline and signal, mapping every
 * failure with `mapError`.
 * @param call - Provider, operation, the caller's options and the error mapper.
 * @param fn - The work; receives the signal to pass on to the backend.
 * @returns What `fn` resolves to.
 * @throws {ConnectorError} `timeout`/`cancelled` when the deadline or signal fires, else what `mapError` returns.
 * @example
 * ```ts
 * get(id: string, opts?: CallOptions) {
 *   return callBackend({ providerId: this.providerId, operation: 'get', options: opts, mapError: toConnectorError }, (run) => this.client.read(id, run));
 * }
 * ```
 */
export function callBackend<T>(call: BackendCall, fn: (run: { signal?: AbortSignal }) => Promise<T>): Promise<T> {
  const { providerId, operation, options, mapError } = call;
  return withDeadline(
    async (signal) => {
      try {
        return await fn({ signal });
      } catch (error) {
        throw mapError(error, { providerId, operation, signal });
      }
    },
    { timeoutMs: options?.timeoutMs, signal: options?.signal, providerId, operation },
  );
}
