import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMarker, parseMarker } from './marker';

const keyChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:-'.split(''));
const key = fc.array(keyChar, { minLength: 8, maxLength: 128 }).map((a) => a.join(''));
const provider = fc
  .tuple(fc.constantFrom(...'abcXYZ019'.split('')), fc.array(keyChar, { maxLength: 127 }))
  .map(([first, rest]) => first + rest.join(''));

describe('idempotency marker', () => {
  it('reads back what it writes, for every valid provider id and key', () => {
    fc.assert(
      fc.property(provider, key, (providerId, idempotencyKey) => {
        expect(parseMarker(formatMarker({ providerId, idempotencyKey }))).toEqual({ providerId, idempotencyKey });
      }),
    );
  });

  it('never throws on arbitrary summaries and only accepts the exact form', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const m = parseMarker(text);
        if (m) expect(formatMarker(m)).toBe(text.trim());
      }),
    );
    expect(parseMarker(undefined)).toBeUndefined();
    expect(parseMarker(42)).toBeUndefined();
    expect(parseMarker('accords-connector provider=peer key=short')).toBeUndefined();
    expect(parseMarker('accords-connector provider=peer key=k-00000001 extra')).toBeUndefined();
  });

  it('tells markers of different providers apart', () => {
    const a = formatMarker({ providerId: 'peer-a', idempotencyKey: 'k-00000001' });
    expect(parseMarker(a)?.providerId).toBe('peer-a');
    expect(a).not.toBe(formatMarker({ providerId: 'peer-b', idempotencyKey: 'k-00000001' }));
  });

  it('refuses to write an invalid key or provider id', () => {
    expect(() => formatMarker({ providerId: 'peer', idempotencyKey: 'has space 123' })).toThrow(TypeError);
    expect(() => formatMarker({ providerId: '-bad', idempotencyKey: 'k-00000001' })).toThrow(TypeError);
  });
});
