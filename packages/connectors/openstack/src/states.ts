import type { ComputeState, NetworkState } from '@accords/connector-kit';

/** Maps a Nova server status (and task state) onto OCCI Infrastructure compute states. */
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

/** Maps a Neutron network onto OCCI Infrastructure network states. */
export function networkStateOf(status: string, adminStateUp: boolean): NetworkState {
  if (!adminStateUp) return 'inactive';
  if (status === 'ACTIVE') return 'active';
  if (status === 'ERROR') return 'error';
  return status === 'DOWN' ? 'inactive' : 'pending';
}
