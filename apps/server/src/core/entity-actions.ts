import { OcciError, transition, unwrap } from '@accords/occi';
import type { ActionInvocation, AnyEntityData, Attributes } from '@accords/occi';
import type { PluginContext } from '../plugins/types';
import { checkPreconditions } from './preconditions';
import type { Preconditions } from './preconditions';
import type { StoredEntity, Written } from './tenant-store';

/** An action request as HTTP receives it. */
export interface ActRequest {
  /** The action's term from `?action=`. */
  term: string;
  /** The invocation from the body; its `action` may be empty when the body named none. */
  invocation: ActionInvocation;
  preconditions?: Preconditions;
}

/**
 * Resolves `?action=<term>` against the actions an entity offers.
 * @param ctx - the unit of work
 * @param target - the entity and the request
 * @returns the action identifier
 * @throws OcciError `invalid_action` when the entity offers no such action or the body names another one
 */
export function resolveAction(ctx: PluginContext, target: { entity: AnyEntityData; request: ActRequest }): string {
  const { entity, request } = target;
  const offered = ctx.model.actionsOf(entity);
  const named = request.invocation.action;
  const matches = offered.filter((id) => id.slice(id.lastIndexOf('#') + 1) === request.term && (!named || named === id));
  if (named && !named.endsWith(`#${request.term}`)) {
    throw new OcciError('invalid_action', `the body invokes ${named} but the URL asks for action=${request.term}`, { location: { attribute: 'action' } });
  }
  if (matches.length !== 1) {
    const list = offered.map((id) => id.slice(id.lastIndexOf('#') + 1)).join(', ') || 'none';
    throw new OcciError('invalid_action', `action=${request.term}: ${entity.kind} offers no such action here (offered: ${list})`, { location: { attribute: 'action' } });
  }
  return matches[0]!;
}

/**
 * Invokes an action on one entity: checks the invocation and the state machine, lets plugins
 * act, and stores the outcome.
 * @param ctx - the unit of work
 * @param location - the entity's path
 * @param request - the action term, the invocation and preconditions
 * @returns the stored entity and transient attributes
 * @throws OcciError `invalid_action` (400), `invalid_state` (409), `not_found`; ServerError `precondition_failed`
 */
export async function actOn(ctx: PluginContext, location: string, request: ActRequest): Promise<Written> {
  const entity = await ctx.store.get(location);
  checkPreconditions(entity, request.preconditions ?? {});
  return actOnEntity(ctx, entity, request);
}

/**
 * Invokes an action on an entity already read (see {@link actOn}).
 * @param ctx - the unit of work
 * @param entity - the entity
 * @param request - the action term and the invocation
 * @returns the stored entity and transient attributes
 */
export async function actOnEntity(ctx: PluginContext, entity: StoredEntity, request: ActRequest): Promise<Written> {
  const action = resolveAction(ctx, { entity: entity.data, request });
  const invocation = unwrap(ctx.model.validateAction({ action, attributes: request.invocation.attributes }, entity.data));
  const moved = unwrap(transition(ctx.model, entity.data, action));
  const proposed = structuredClone(entity.data);
  Object.assign(proposed.attributes, moved.attributes);
  let next: AnyEntityData = proposed;
  let transient: Attributes | undefined;
  for (const hooks of ctx.store.deps.hooks.for(ctx.model, entity.data.kind)) {
    if (!hooks.onAction) continue;
    const outcome = await hooks.onAction(ctx, entity, { action, attributes: invocation.attributes, proposed: next });
    if (outcome?.entity) next = outcome.entity;
    if (outcome?.transient) transient = { ...transient, ...outcome.transient };
  }
  const unchanged = JSON.stringify(next) === JSON.stringify(entity.data);
  const checked = unchanged ? next : unwrap(ctx.model.validateEntity(next, { mode: 'replace', previous: entity.data, actor: 'provider' }));
  const stored = unchanged ? entity : await ctx.store.store(entity, checked);
  return { entity: stored, created: false, ...(transient ? { transient } : {}) };
}
