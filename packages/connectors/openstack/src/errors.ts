import type { FailureContext } from '@accords/connector-kit';
import { ConnectorError, mapBackendError } from '@accords/connector-kit';
import { classifyHttpFault } from './faults';
import { OpenStackHttpError } from './http';

export type { FailureContext };

function classifyOpenStack(error: unknown, ctx: FailureContext): ConnectorError | undefined {
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
  return undefined;
}

/** Maps anything an OpenStack call threw onto the kit's taxonomy, keeping the service's message and the cause. */
export function toConnectorError(error: unknown, ctx: FailureContext): ConnectorError {
  return mapBackendError(error, ctx, { backend: 'OpenStack', classify: classifyOpenStack });
}
