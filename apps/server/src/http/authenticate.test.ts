import { describe, expect, it } from 'vitest';
import { tokenOf } from './authenticate';
import { hashToken, mintToken } from '../auth/tokens';

describe('tokenOf', () => {
  it('reads bearer tokens and the password of HTTP Basic', () => {
    expect(tokenOf('Bearer abc')).toBe('abc');
    expect(tokenOf('bearer abc')).toBe('abc');
    expect(tokenOf(`Basic ${Buffer.from('tenant:s3cret:with:colons').toString('base64')}`)).toBe('s3cret:with:colons');
  });
  it('finds nothing in malformed headers', () => {
    for (const header of [undefined, '', 'Bearer', 'Token abc', `Basic ${Buffer.from('nopassword').toString('base64')}`, `Basic ${Buffer.from('user:').toString('base64')}`]) {
      expect(tokenOf(header)).toBeUndefined();
    }
  });
});

describe('tokens', () => {
  it('mints distinct 256-bit tokens whose hash is what is stored', () => {
    const a = mintToken();
    const b = mintToken();
    expect(a.value).not.toBe(b.value);
    expect(a.hash).toBe(hashToken(a.value));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.value).not.toContain(a.hash);
  });
});
