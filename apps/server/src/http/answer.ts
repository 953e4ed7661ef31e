import type { AnyEntityData, MediaType } from '@accords/occi';
import type { Written } from '../core/tenant-store';
import { originOf, sendRendered } from './exchange';
import type { Deferred, RouteContext } from './occi-router';

/**
 * Renders one written or read entity, with its ETag, and `Location` when it was created.
 * @param route - the route context
 * @param answer - the entity (completed with links and actions), status and rendering
 * @returns the deferred answer
 */
export async function entityAnswer(route: RouteContext, answer: { written: Written; type: MediaType; status?: number }): Promise<Deferred> {
  const { written, type } = answer;
  const [data] = (await route.ctx.store.complete([written.entity])) as [AnyEntityData];
  if (written.transient) Object.assign(data.attributes, written.transient);
  const headers: Record<string, string> = { ETag: written.entity.etag };
  if (written.created) headers.Location = originOf(route.req) + data.location;
  const status = answer.status ?? (written.created ? 201 : 200);
  return () => sendRendered(route.res, { status, type, structure: 'entity', value: data, model: route.ctx.model, headers });
}
