import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ENTITY_ID, localPath, splitLocation } from './locations';

describe('splitLocation', () => {
  it('splits entity paths and refuses collections and bad ids', () => {
    expect(splitLocation('/compute/42')).toEqual({ collection: '/compute/', id: '42' });
    expect(splitLocation('/a/b/c-1')).toEqual({ collection: '/a/b/', id: 'c-1' });
    expect(splitLocation('/compute/')).toBeUndefined();
    expect(splitLocation('/compute/..')).toBeUndefined();
    expect(splitLocation('compute')).toBeUndefined();
  });
  it('round-trips any valid id under any collection', () => {
    const id = fc.stringMatching(ENTITY_ID);
    const segment = fc.stringMatching(/^[a-z_]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 3 }), id, (segments, entityId) => {
        const collection = `/${segments.join('/')}/`;
        expect(splitLocation(collection + entityId)).toEqual({ collection, id: entityId });
      }),
    );
  });
});

describe('localPath', () => {
  it('keeps paths, reduces URLs of this origin, and marks others external', () => {
    expect(localPath('/compute/1')).toEqual({ local: '/compute/1' });
    expect(localPath('http://h:1/compute/1', 'http://h:1')).toEqual({ local: '/compute/1' });
    expect(localPath('http://other/compute/1', 'http://h:1')).toEqual({ external: 'http://other/compute/1' });
  });
});

describe('localPath with several origins', () => {
  it('accepts any of the origins, normalises default ports, and refuses queries on local URLs', () => {
    const origins = ['http://127.0.0.1:8080', 'https://cloud.example.org'];
    expect(localPath('https://cloud.example.org:443/compute/1', origins)).toEqual({ local: '/compute/1' });
    expect(localPath('HTTP://127.0.0.1:8080/compute/1', origins)).toEqual({ local: '/compute/1' });
    expect(localPath('http://127.0.0.1:8081/compute/1', origins)).toEqual({ external: 'http://127.0.0.1:8081/compute/1' });
    expect(localPath('http://127.0.0.1:8080/compute/1?x=1', origins)).toHaveProperty('invalid');
    expect(localPath('http://h:1/compute/1', [undefined])).toEqual({ external: 'http://h:1/compute/1' });
  });
});
