import type { AnyEntityData, MediaType } from '@accords/occi';
import type { Written } from '../core/tenant-store';
import { originOf, sendRendered } from './exchange';
import type { Deferred, RouteContext } from './occi-router';

/**
 * Renders one written or read entity, with its ETag, and `Location` when it was created.
 * @param route - the route context
 * @param answer - the entity, status and rendering; `data` when already completed with links and actions
 * @returns the deferred answer
 */
export async function entityAnswer(route: RouteContext, answer: { written: Written; type: MediaType; status?: number; data?: AnyEntityData }): Promise<Deferred> {
  const { written, type } = answer;
  const data = answer.data ?? ((await route.ctx.store.complete([written.entity]))[0] as AnyEntityData);
  if (written.transient) Object.assign(data.attributes, written.transient);
  const headers: Record<string, string> = { ETag: written.entity.etag };
  if (written.created) headers.Location = originOf(route.req) + data.location;
  const status = answer.status ?? (written.created ? 201 : 200);
  return () => sendRendered(route.res, { status, type, structure: 'entity', value: data, model: route.ctx.model, headers });
}
