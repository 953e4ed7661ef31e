import type { FailureContext } from '@accords/connector-kit';
import { ConnectorError, mapBackendError } from '@accords/connector-kit';
import { classifyVirshError } from './faults';
import { VirshError } from './virsh';

export type { FailureContext };

function classifyLibvirt(error: unknown, ctx: FailureContext): ConnectorError | undefined {
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
  return undefined;
}

/**
 * Maps anything a libvirt call threw onto the kit's taxonomy, keeping libvirt's message and the
 * original error as `cause`.
 */
export function toConnectorError(error: unknown, ctx: FailureContext): ConnectorError {
  return mapBackendError(error, ctx, { backend: 'libvirt', classify: classifyLibvirt });
}
