import { abortError, ConnectorError, isConnectorError } from '@accords/connector-kit';
import { classifyHttpFault } from './faults';
import { OpenStackHttpError } from './http';

/** Where a failure happened. */
export interface FailureContext {
  providerId: string;
  operation: string;
  signal?: AbortSignal;
}

/** Maps anything an OpenStack call threw onto the kit's taxonomy, keeping the service's message and the cause. */
export function toConnectorError(error: unknown, ctx: FailureContext): ConnectorError {
  if (isConnectorError(error)) return error;
  if (ctx.signal?.aborted) return abortError(ctx.signal, ctx);
  if (error instanceof OpenStackHttpError) {
    const fault = classifyHttpFault(error);
    return new ConnectorError(fault.kind, `OpenStack ${error.service} (${ctx.operation}): ${fault.message}`, {
      providerId: ctx.providerId,
      operation: ctx.operation,
      backendCode: error.status,
      retryAfterMs: fault.retryAfterMs,
      cause: error,
    });
  }
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) {
    return new ConnectorError(error.name === 'TimeoutError' ? 'timeout' : 'cancelled', `OpenStack ${ctx.operation}: ${error.message}`, { ...ctx, cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ConnectorError('unknown', `OpenStack ${ctx.operation}: ${message}`, { providerId: ctx.providerId, operation: ctx.operation, cause: error });
}
