import { Secret } from '@accords/connector-kit';
import { describe, expect, it } from 'vitest';
import { checkOptions } from './options';

const good = { providerId: 'peer', url: 'https://peer.example' };

describe('checkOptions', () => {
  it('accepts secret references and resolved secrets', () => {
    expect(checkOptions({ ...good, token: 'env:PEER_TOKEN' })).toBeTruthy();
    expect(checkOptions({ ...good, token: { file: '/run/secrets/peer' } })).toBeTruthy();
    expect(checkOptions({ ...good, basic: { username: 'u', password: new Secret('p', 'test') } })).toBeTruthy();
  });

  it.each([
    [{ ...good, providerId: 'has space' }, 'providerId'],
    [{ ...good, url: 'ftp://peer.example' }, 'url'],
    [{ ...good, url: 'not a url' }, 'url'],
    [{ ...good, token: 'the-raw-token-itself' }, 'token'],
    [{ ...good, token: 'env:A', basic: { username: 'u', password: 'env:B' } }, 'token'],
    [{ ...good, basic: { username: '', password: 'env:B' } }, 'basic.username'],
    [{ ...good, rendering: 'text/html' }, 'rendering'],
    [{ ...good, kinds: ['database'] }, 'kinds'],
    [{ ...good, refreshMs: 5 }, 'refreshMs'],
    [{ ...good, pricing: { currency: 'euro' } }, 'pricing.currency'],
    [{ ...good, pricing: { pricePerHour: { small: -1 } } }, 'pricing.pricePerHour'],
    [{ ...good, pricing: { availability: 120 } }, 'pricing.availability'],
    [{ ...good, regionFacts: { country: 'France' } }, 'regionFacts.country'],
    [{ ...good, regionFacts: { byTerm: { par: { pue: 0.5 } } } }, 'regionFacts.byTerm.par.pue'],
    [{ ...good, regionFacts: { coordinates: { lat: 100, lon: 0 } } }, 'regionFacts.coordinates'],
  ])('refuses %j, naming %s', (input, attribute) => {
    expect(() => checkOptions(input)).toThrow(expect.objectContaining({ kind: 'invalid', location: { attribute } }));
  });

  it('never echoes a raw token in its message', () => {
    let message = '';
    try {
      checkOptions({ ...good, token: 'the-raw-token-itself' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/secret reference/);
    expect(message).not.toContain('the-raw-token-itself');
  });
});
