import { describe, expect, it } from 'vitest';
import { checkPreconditions } from './preconditions';
import type { StoredEntity } from './stored-entity';

const entity = { etag: '"3-abc"' } as StoredEntity;

describe('checkPreconditions', () => {
  it('passes If-Match with the current tag, a list containing it, or *', () => {
    expect(() => checkPreconditions(entity, { ifMatch: '"3-abc"' })).not.toThrow();
    expect(() => checkPreconditions(entity, { ifMatch: '"1-x", "3-abc"' })).not.toThrow();
    expect(() => checkPreconditions(entity, { ifMatch: '*' })).not.toThrow();
    expect(() => checkPreconditions(entity, { ifMatch: 'W/"3-abc"' })).not.toThrow();
  });
  it('fails If-Match with another tag or when the entity is missing (412)', () => {
    expect(() => checkPreconditions(entity, { ifMatch: '"2-abc"' })).toThrow(expect.objectContaining({ status: 412, code: 'precondition_failed' }));
    expect(() => checkPreconditions(undefined, { ifMatch: '*' })).toThrow(expect.objectContaining({ status: 412 }));
  });
  it('fails If-None-Match when the entity exists with a matching tag or *', () => {
    expect(() => checkPreconditions(entity, { ifNoneMatch: '*' })).toThrow(expect.objectContaining({ status: 412, location: { header: 'If-None-Match' } }));
    expect(() => checkPreconditions(entity, { ifNoneMatch: '"9-z"' })).not.toThrow();
    expect(() => checkPreconditions(undefined, { ifNoneMatch: '*' })).not.toThrow();
  });
});
