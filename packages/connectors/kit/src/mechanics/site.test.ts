import { describe, expect, it } from 'vitest';
import type { ConfigIssue } from './config-checks';
import { checkSiteFacts, regionFromSite } from './site';

const paris = { country: 'FR', coordinates: { lat: 48.85, lon: 2.35 }, timeZone: 'Europe/Paris' };

function check(site: Record<string, unknown>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  checkSiteFacts(issues, site, '/site');
  return issues;
}

describe('checkSiteFacts', () => {
  it('accepts a minimal site', () => {
    expect(check(paris)).toEqual([]);
  });
  it('names every wrong field by pointer', () => {
    expect(check({ country: 'fr', coordinates: { lat: 91, lon: 0 }, pue: 0.5, renewableShare: 1.5, heatReuse: -1, city: '' })).toEqual([
      { pointer: '/site/country', message: 'does not match /^[A-Z]{2}$/' },
      { pointer: '/site/timeZone', message: 'is required' },
      { pointer: '/site/city', message: 'must be a non-empty string' },
      { pointer: '/site/coordinates', message: 'must be { lat: -90..90, lon: -180..180 }' },
      { pointer: '/site/pue', message: 'must be a number >= 1' },
      { pointer: '/site/renewableShare', message: 'must be a share between 0 and 1' },
      { pointer: '/site/heatReuse', message: 'must be a number >= 0' },
    ]);
  });
});

describe('regionFromSite', () => {
  it('fills the documented defaults', () => {
    expect(regionFromSite({ id: 'lab:local', providerId: 'lab', name: 'Lab' }, paris)).toEqual({
      id: 'lab:local',
      providerId: 'lab',
      name: 'Lab',
      country: 'FR',
      coordinates: { lat: 48.85, lon: 2.35 },
      timeZone: 'Europe/Paris',
      pue: 1.58,
      renewableShare: 0,
      heatReuse: 0,
      zone: 'FR',
    });
  });
  it('keeps stated facts', () => {
    const r = regionFromSite({ id: 'x', providerId: 'p', name: 'n' }, { ...paris, city: 'Paris', pue: 1.2, renewableShare: 0.4, heatReuse: 0.1, zone: 'FR-IDF' });
    expect([r.city, r.pue, r.renewableShare, r.heatReuse, r.zone]).toEqual(['Paris', 1.2, 0.4, 0.1, 'FR-IDF']);
  });
});
