import { actionTargetState, ConnectorError } from '@accords/connector-kit';
import type { NormalizedAction, ResourceKind, ResourceState } from '@accords/connector-kit';
import type { AttributeValue } from '@accords/occi';

/** How one SPI action is asked of an OCCI server. */
export interface OcciActionPlan {
  /** The OCCI action term (`start`, `stop`, ...). */
  term: string;
  /** Action attributes (`method`, `name`). */
  attributes: Record<string, AttributeValue>;
  /** The state the resource reaches. */
  target: ResourceState;
  /** The resource is already there: nothing to ask. */
  noop: boolean;
}

// Asking again for the state a resource is in changes nothing (restart and save always act).
const REPEATABLE = new Set(['start', 'stop', 'suspend', 'resume', 'online', 'offline', 'up', 'down']);

/**
 * Plans an SPI action as an OCCI action: `resume` is OCCI's `start` from `suspended`, a forced
 * `stop` is `method=poweroff`, a forced `restart` is `method=cold`, `save` names its image.
 * @param input - the kind, its current state, the action and the attribute names the remote's action declares
 * @returns the plan
 * @throws {ConnectorError} `invalid` for an action of another kind, `conflict` for a resume of a
 *   compute that is not suspended
 * @example
 * ```ts
 * planAction({ kind: 'compute', state: 'active', action: { name: 'stop', mode: 'force' }, declared: ['method'] });
 * // { term: 'stop', attributes: { method: 'poweroff' }, target: 'inactive', noop: false }
 * ```
 */
export function planAction(input: { kind: ResourceKind; state: ResourceState; action: NormalizedAction; declared: readonly string[] }): OcciActionPlan {
  const { kind, state, action, declared } = input;
  const target = actionTargetState(kind, action.name);
  if (!target) throw new ConnectorError('invalid', `${action.name} does not apply to a ${kind} resource`, { operation: 'act', location: { attribute: 'action' } });
  const noop = REPEATABLE.has(action.name) && state === target;
  if (action.name === 'resume' && !noop && state !== 'suspended') {
    throw new ConnectorError('conflict', `cannot resume a compute that is ${state} (only a suspended one)`, { operation: 'act' });
  }
  const attributes: Record<string, AttributeValue> = {};
  const method = action.mode === 'force' ? (action.name === 'stop' ? 'poweroff' : action.name === 'restart' ? 'cold' : undefined) : undefined;
  if (method && declared.includes('method')) attributes.method = method;
  if (action.name === 'save' && action.imageName !== undefined && declared.includes('name')) attributes.name = action.imageName;
  return { term: action.name === 'resume' ? 'start' : action.name, attributes, target, noop };
}

/** The action that brings a freshly created resource of each kind from its initial state to ready. */
export const READY_ACTION: Record<ResourceKind, { from: ResourceState; term: string }> = {
  compute: { from: 'inactive', term: 'start' },
  storage: { from: 'offline', term: 'online' },
  network: { from: 'inactive', term: 'up' },
};
