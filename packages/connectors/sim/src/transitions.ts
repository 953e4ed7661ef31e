import type { NormalizedAction, ResourceKind, ResourceState } from '@accords/connector-kit';
import { ConnectorError, actionTargetState } from '@accords/connector-kit';

/** States an action may start from (the target state itself is always allowed: a no-op). */
const FROM: Record<string, readonly ResourceState[]> = {
  start: ['inactive', 'suspended', 'error'],
  stop: ['active', 'suspended', 'error'],
  restart: ['active', 'error'],
  suspend: ['active'],
  resume: ['suspended'],
  save: ['active', 'inactive'],
  online: ['offline'],
  offline: ['online'],
  up: ['inactive'],
  down: ['active'],
};

/** Actions that do work even when the resource is already in their target state. */
const ALWAYS_WORK: ReadonlySet<string> = new Set(['restart', 'save']);

/** What an action does to a resource. */
export type ActionPlan = { kind: 'noop' } | { kind: 'transition'; target: ResourceState };

/**
 * Decides what `action` does to a `kind` resource in `state`.
 * @param kind - Resource kind.
 * @param state - Current state (never `pending`: callers handle that).
 * @param action - The action.
 * @returns `noop` when already there, else the transition to make.
 * @throws {ConnectorError} `invalid` for an action of another kind, `conflict` when the state forbids it.
 */
export function planAction(kind: ResourceKind, state: ResourceState, action: NormalizedAction): ActionPlan {
  const target = actionTargetState(kind, action.name);
  if (!target) throw new ConnectorError('invalid', `action ${action.name} does not apply to ${kind} resources`, { operation: 'act' });
  if (state === target && !ALWAYS_WORK.has(action.name)) return { kind: 'noop' };
  if (state === target || (FROM[action.name] ?? []).includes(state)) return { kind: 'transition', target };
  throw new ConnectorError('conflict', `cannot ${action.name} a ${kind} resource that is ${state}`, { operation: 'act' });
}
