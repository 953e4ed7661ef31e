import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMicroversions, formatMicroversion, negotiateMicroversion, parseMicroversion } from './microversion';

const version = fc.record({ major: fc.constant(2), minor: fc.integer({ min: 1, max: 120 }) });

describe('microversion negotiation', () => {
  it('picks the highest version inside both ranges, or explains why none exists', () => {
    fc.assert(
      fc.property(version, version, version, version, (a, b, c, d) => {
        const [sMin, sMax] = compareMicroversions(a, b) <= 0 ? [a, b] : [b, a];
        const [cMin, cMax] = compareMicroversions(c, d) <= 0 ? [c, d] : [d, c];
        const r = negotiateMicroversion({ min: formatMicroversion(sMin), max: formatMicroversion(sMax) }, { min: formatMicroversion(cMin), max: formatMicroversion(cMax) });
        const overlap = compareMicroversions(sMin, cMax) <= 0 && compareMicroversions(cMin, sMax) <= 0;
        expect(r.ok).toBe(overlap);
        if (r.ok) {
          const v = parseMicroversion(r.version)!;
          expect(compareMicroversions(v, compareMicroversions(sMax, cMax) < 0 ? sMax : cMax)).toBe(0);
        }
      }),
    );
  });

  it('compares numerically, not as text', () => {
    expect(compareMicroversions(parseMicroversion('2.9')!, parseMicroversion('2.10')!)).toBeLessThan(0);
  });

  it('treats a cloud without microversions as 2.1', () => {
    expect(negotiateMicroversion({ min: '', max: '' }, { min: '2.47', max: '2.90' })).toEqual({ ok: false, reason: 'server supports 2.1..2.1, connector needs 2.47..2.90' });
    expect(negotiateMicroversion({ min: '', max: '' }, { min: '2.1', max: '2.90' })).toEqual({ ok: true, version: '2.1' });
    expect(negotiateMicroversion({ min: '2.1', max: '2.95' }, { min: '2.47', max: '2.90' })).toEqual({ ok: true, version: '2.90' });
    expect(negotiateMicroversion({ min: '2.1', max: '2.60' }, { min: '2.47', max: '2.90' })).toEqual({ ok: true, version: '2.60' });
  });

  it('refuses malformed versions', () => {
    for (const bad of ['2', '2.x', 'v2.1', ' ', '2.1.1']) expect(parseMicroversion(bad), bad).toBeUndefined();
    expect(negotiateMicroversion({ min: '2.1', max: '2.9' }, { min: '2.50', max: '2.40' }).ok).toBe(false);
  });
});
