import { serverError } from '../errors';
import type { StoredEntity } from './stored-entity';

/** Conditional-request headers of a write. */
export interface Preconditions {
  /** `If-Match`: `*` or a list of entity tags. */
  ifMatch?: string;
  /** `If-None-Match`: `*` (create only) or a list of entity tags. */
  ifNoneMatch?: string;
}

function tags(header: string): string[] {
  return header.split(',').map((t) => t.trim().replace(/^W\//, ''));
}

/**
 * Checks `If-Match` / `If-None-Match` against the entity's current version (RFC 9110 §13).
 * @param current - the entity, or undefined when there is none
 * @param conditions - the request's headers
 * @throws ServerError `precondition_failed` (412) when a condition fails
 */
export function checkPreconditions(current: StoredEntity | undefined, conditions: Preconditions): void {
  if (conditions.ifMatch !== undefined) {
    const list = tags(conditions.ifMatch);
    const matches = current !== undefined && (list.includes('*') || list.includes(current.etag));
    if (!matches) {
      const have = current ? `the current tag is ${current.etag}` : 'the entity does not exist';
      throw serverError('precondition_failed', `If-Match ${conditions.ifMatch} does not hold: ${have}`, { location: { header: 'If-Match' } });
    }
  }
  if (conditions.ifNoneMatch !== undefined && current !== undefined) {
    const list = tags(conditions.ifNoneMatch);
    if (list.includes('*') || list.includes(current.etag)) {
      throw serverError('precondition_failed', `If-None-Match ${conditions.ifNoneMatch} does not hold: the entity exists with tag ${current.etag}`, { location: { header: 'If-None-Match' } });
    }
  }
}
