import { describe, expect, it } from 'vitest';
import { classifyHttpFault, classifyServerFault } from './faults';
import { OpenStackHttpError } from './http';
import { computeStateOf, networkStateOf } from './states';

const http = (status: number, body: unknown, retryAfterMs?: number) =>
  classifyHttpFault(new OpenStackHttpError({ status, service: 'compute', method: 'POST', url: 'http://x/servers', body: typeof body === 'string' ? body : JSON.stringify(body), retryAfterMs }));

describe('OpenStack fault mapping', () => {
  it('maps the faults each service sends', () => {
    expect(http(403, { forbidden: { code: 403, message: 'Quota exceeded for instances: Requested 1, but already used 10 of 10 instances' } })).toEqual({
      kind: 'quota',
      message: 'Quota exceeded for instances: Requested 1, but already used 10 of 10 instances',
    });
    expect(http(409, { NeutronError: { type: 'OverQuota', message: 'Quota exceeded for resources: [network].', detail: '' } }).kind).toBe('quota');
    expect(http(413, { overLimit: { code: 413, message: 'Quota exceeded for cores' } }).kind).toBe('quota');
    expect(http(429, 'Too Many Requests', 5000)).toEqual({ kind: 'throttled', message: 'Too Many Requests', retryAfterMs: 5000 });
    expect(http(429, '')).toMatchObject({ kind: 'throttled', retryAfterMs: 1000 });
    expect(http(413, { overLimit: { message: 'This request was rate-limited.' } }, 2000)).toMatchObject({ kind: 'throttled', retryAfterMs: 2000 });
    expect(http(500, { computeFault: { message: 'No valid host was found. ' } }).kind).toBe('capacity');
    expect(http(401, { error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } })).toEqual({
      kind: 'auth',
      message: 'The request you have made requires authentication.',
    });
    expect(http(403, { forbidden: { message: "Policy doesn't allow os_compute_api:servers:create to be performed." } }).kind).toBe('auth');
    expect(http(404, { itemNotFound: { message: 'Instance x could not be found.' } }).kind).toBe('not_found');
    expect(http(409, { conflictingRequest: { message: "Cannot 'suspend' instance while it is in vm_state stopped" } }).kind).toBe('conflict');
    expect(http(400, { badRequest: { message: 'Invalid flavorRef provided.' } }).kind).toBe('invalid');
    expect(http(503, '<html>Service Unavailable</html>')).toMatchObject({ kind: 'transient', message: '<html>Service Unavailable</html>' });
    expect(http(0, 'connect ECONNREFUSED 127.0.0.1:8774').kind).toBe('transient');
    expect(http(500, { computeFault: { message: 'Unexpected API Error.' } }).kind).toBe('unknown');
  });

  it('maps the fault of a server in ERROR', () => {
    expect(classifyServerFault({ code: 500, message: 'No valid host was found. ' }).kind).toBe('capacity');
    expect(classifyServerFault({ code: 500, message: 'Build of instance x aborted: Quota exceeded for ports' }).kind).toBe('quota');
    expect(classifyServerFault(undefined)).toEqual({ kind: 'unknown', message: 'server went to ERROR without a fault' });
  });

  it('maps Nova and Neutron states onto OCCI states', () => {
    expect(['ACTIVE', 'SHUTOFF', 'SUSPENDED', 'PAUSED', 'BUILD', 'REBOOT', 'VERIFY_RESIZE', 'ERROR', 'SHELVED_OFFLOADED'].map((s) => computeStateOf(s))).toEqual([
      'active',
      'inactive',
      'suspended',
      'suspended',
      'pending',
      'pending',
      'pending',
      'error',
      'inactive',
    ]);
    expect(computeStateOf('ACTIVE', 'powering-off')).toBe('pending');
    expect([networkStateOf('ACTIVE', true), networkStateOf('ACTIVE', false), networkStateOf('BUILD', true), networkStateOf('ERROR', true)]).toEqual(['active', 'inactive', 'pending', 'error']);
  });
});
