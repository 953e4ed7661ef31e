import { fail, ok } from '../errors';
import type { Result } from '../errors';
import type { Attributes, EntityData } from './entity';
import type { Model } from './model';

/** The outcome of a legal action on an entity. */
export interface TransitionOutcome {
  /** Action identifier. */
  action: string;
  /** State attribute, when the kind has a state machine that governs the action. */
  attribute?: string;
  /** State before. */
  from?: string;
  /** State after. */
  to?: string;
  /** Attributes to merge into the entity (the new state). */
  attributes: Attributes;
}

function currentState(entity: EntityData, attribute: string, initial: string): string {
  const value = entity.attributes[attribute];
  return typeof value === 'string' ? value : initial;
}

/**
 * The actions legal for an entity in its current state: offered by its kind and mixins, and
 * allowed by the kind's state machine (actions the machine does not mention are always legal).
 * @param model - the registry with state machines.
 * @param entity - the entity.
 * @returns action identifiers.
 * @example
 * ```ts
 * applicableActions(model, { id: '1', kind: KIND.compute, mixins: [], attributes: { 'occi.compute.state': 'inactive' } });
 * // [ACTION.compute.start, ACTION.compute.save]
 * ```
 */
export function applicableActions(model: Model, entity: EntityData): string[] {
  const offered = model.actionsOf(entity);
  const machine = model.stateMachineOf(entity.kind);
  if (!machine) return offered;
  const state = currentState(entity, machine.attribute, machine.initial);
  return offered.filter((action) => {
    const moves = machine.transitions.filter((t) => t.action === action);
    return moves.length === 0 || moves.some((t) => t.from.includes(state));
  });
}

/**
 * Applies an action to an entity's state: checks that it is offered and legal in the current state.
 * @param model - the registry with state machines.
 * @param entity - the entity.
 * @param actionId - action identifier.
 * @returns the new state attributes, or an issue: `invalid_action` (not offered) or `invalid_state` (409, not legal now).
 * @example
 * ```ts
 * const r = transition(model, compute, ACTION.compute.start);
 * if (r.ok) Object.assign(compute.attributes, r.value.attributes); // occi.compute.state = 'active'
 * ```
 */
export function transition(model: Model, entity: EntityData, actionId: string): Result<TransitionOutcome> {
  if (!model.actionsOf(entity).includes(actionId)) {
    return fail([{ code: 'invalid_action', message: `action: ${actionId} is not offered by ${entity.kind} or its mixins`, location: { attribute: 'action' } }]);
  }
  const machine = model.stateMachineOf(entity.kind);
  const moves = machine?.transitions.filter((t) => t.action === actionId) ?? [];
  if (!machine || moves.length === 0) return ok({ action: actionId, attributes: {} });
  const from = currentState(entity, machine.attribute, machine.initial);
  const move = moves.find((t) => t.from.includes(from));
  if (!move) {
    const legal = [...new Set(moves.flatMap((t) => t.from))].join(', ');
    return fail([{ code: 'invalid_state', message: `${machine.attribute}: action ${actionId} is not legal in state "${from}" (legal in: ${legal})`, location: { attribute: machine.attribute } }]);
  }
  return ok({ action: actionId, attribute: machine.attribute, from, to: move.to, attributes: { [machine.attribute]: move.to } });
}
