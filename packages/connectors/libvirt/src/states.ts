import type { ComputeState } from '@accords/connector-kit';
import type { DomainState } from './libvirt-client';

/**
 * Maps a libvirt domain state onto OCCI Infrastructure compute states.
 * @param state - What `virsh domstate` printed.
 * @returns The compute state (`in shutdown` is `pending`, `crashed` is `error`).
 * @example
 * ```ts
 * computeStateOf('paused'); // 'suspended'
 * ```
 */
export function computeStateOf(state: DomainState | string): ComputeState {
  switch (state) {
    case 'running':
    case 'idle':
    case 'blocked':
      return 'active';
    case 'paused':
    case 'pmsuspended':
      return 'suspended';
    case 'shut off':
      return 'inactive';
    case 'in shutdown':
      return 'pending';
    case 'crashed':
      return 'error';
    default:
      return 'error';
  }
}
