import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deterministicUuid, formatRef, parseRef, parseVolumeName, safeName, volumeName } from './ids';

describe('resource ids and names', () => {
  it('derives one UUID per (provider, kind, key), in UUID syntax', () => {
    const a = deterministicUuid({ providerId: 'p', kind: 'compute', key: 'key-0001' });
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicUuid({ providerId: 'p', kind: 'compute', key: 'key-0001' })).toBe(a);
    expect(deterministicUuid({ providerId: 'p', kind: 'network', key: 'key-0001' })).not.toBe(a);
    expect(deterministicUuid({ providerId: 'q', kind: 'compute', key: 'key-0001' })).not.toBe(a);
  });

  it('round-trips every kind of id and refuses others', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 1, maxLength: 30 }), (uuid, pool, volume) => {
        expect(parseRef(formatRef({ kind: 'compute', uuid }))).toEqual({ kind: 'compute', uuid });
        expect(parseRef(formatRef({ kind: 'network', uuid }))).toEqual({ kind: 'network', uuid });
        expect(parseRef(formatRef({ kind: 'storage', pool, volume }))).toEqual({ kind: 'storage', pool, volume });
      }),
    );
    for (const bad of ['', 'domain/not-a-uuid', 'volume/p', 'server/x/y', crypto.randomUUID(), 'domain/a/b/c']) expect(parseRef(bad), bad).toBeUndefined();
  });

  it('encodes key and name in volume names, shortening only the name', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9._:-]{8,128}$/), fc.string({ minLength: 1, maxLength: 128 }), (key, name) => {
        const vol = volumeName({ key, name });
        expect(vol.length).toBeLessThanOrEqual(250);
        const back = parseVolumeName(vol)!;
        expect(back.key).toBe(key);
        expect(name.startsWith(back.name) || Array.from(name).join('').startsWith(back.name)).toBe(true);
      }),
    );
    expect(parseVolumeName('disk.qcow2')).toBeUndefined();
  });

  it('makes libvirt-safe names', () => {
    expect(safeName('Web Server #1')).toBe('web-server-1');
    expect(safeName('***')).toBe('resource');
  });
});
