import type { ComputeState, NetworkState } from '@accords/connector-kit';

/**
 * Maps a Nova server status (and task state) onto OCCI Infrastructure compute states.
 * @param status - Nova's `status`, e.g. `SHUTOFF`.
 * @param taskState - `OS-EXT-STS:task_state`; any task makes the server `pending`.
 * @returns The compute state.
 * @example
 * ```ts
 * computeStateOf('SHUTOFF'); // 'inactive'
 * ```
 */
export function computeStateOf(status: string, taskState?: string | null): ComputeState {
  if (taskState) return 'pending';
  switch (status) {
    case 'ACTIVE':
    case 'RESCUE':
      return 'active';
    case 'SHUTOFF':
    case 'SHELVED':
    case 'SHELVED_OFFLOADED':
      return 'inactive';
    case 'SUSPENDED':
    case 'PAUSED':
      return 'suspended';
    case 'ERROR':
    case 'UNKNOWN':
      return 'error';
    default:
      return 'pending';
  }
}

/**
 * Maps a Neutron network onto OCCI Infrastructure network states.
 * @param status - Neutron's `status`.
 * @param adminStateUp - `admin_state_up` (down means `inactive`).
 * @returns The network state.
 * @example
 * ```ts
 * networkStateOf('ACTIVE', true); // 'active'
 * ```
 */
export function networkStateOf(status: string, adminStateUp: boolean): NetworkState {
  if (!adminStateUp) return 'inactive';
  if (status === 'ACTIVE') return 'active';
  if (status === 'ERROR') return 'error';
  return status === 'DOWN' ? 'inactive' : 'pending';
}
