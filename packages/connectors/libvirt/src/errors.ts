import { abortError, ConnectorError, isConnectorError } from '@accords/connector-kit';
import { classifyVirshError } from './faults';
import { VirshError } from './virsh';

/** Where a failure happened, for the error's message and fields. */
export interface FailureContext {
  providerId: string;
  operation: string;
  signal?: AbortSignal;
}

/**
 * Maps anything a libvirt call threw onto the kit's taxonomy, keeping libvirt's message and the
 * original error as `cause`.
 */
export function toConnectorError(error: unknown, ctx: FailureContext): ConnectorError {
  if (isConnectorError(error)) return error;
  if (ctx.signal?.aborted) return abortError(ctx.signal, ctx);
  if (error instanceof VirshError) {
    const fault = classifyVirshError(error);
    return new ConnectorError(fault.kind, `libvirt ${ctx.operation}: ${fault.message}`, {
      providerId: ctx.providerId,
      operation: ctx.operation,
      backendCode: error.exitCode,
      cause: error,
      retryAfterMs: fault.kind === 'transient' ? 1000 : undefined,
    });
  }
  if (error instanceof Error && error.name === 'AbortError') return new ConnectorError('cancelled', `libvirt ${ctx.operation}: cancelled`, { ...ctx, cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectorError('unknown', `libvirt ${ctx.operation}: ${message}`, { providerId: ctx.providerId, operation: ctx.operation, cause: error });
}
