import { describe, expect, it } from 'vitest';
import { classifyVirshError } from './faults';
import { computeStateOf } from './states';
import { VirshError } from './virsh';

const fault = (stderr: string, extra: { timedOut?: boolean } = {}) => classifyVirshError(new VirshError({ command: 'x', exitCode: 1, stderr, ...extra }));

describe('libvirt fault mapping', () => {
  it.each([
    ["error: failed to get domain 'nope'", 'not_found'],
    ["error: failed to get domain 'x'\nerror: Domain not found: no domain with matching name 'x'", 'not_found'],
    ["error: failed to get vol 'v'\nerror: Storage volume not found: no storage vol with matching path 'v'", 'not_found'],
    ["error: operation failed: domain 'a' already exists with uuid 1234", 'conflict'],
    ['error: Requested operation is not valid: domain is not running', 'conflict'],
    ['error: Failed to delete snapshot s\nerror: unsupported flags (0x2) in function testDomainSnapshotDelete', 'unsupported'],
    ['error: this function is not supported by the connection driver: virNodeGetMemoryStats', 'unsupported'],
    ["error: unsupported configuration: unknown OS type 'xyz'", 'invalid'],
    ['error: XML error: Invalid value for attribute', 'invalid'],
    ["error: Failed to connect socket to '/run/libvirt/libvirt-sock': Permission denied", 'auth'],
    ["error: Failed to connect socket to '/x/libvirt-sock': No such file or directory", 'transient'],
    ['error: internal error: cannot allocate memory for the guest', 'capacity'],
    ['error: something nobody expected', 'unknown'],
  ])('%s → %s', (stderr, kind) => {
    const c = fault(stderr);
    expect(c.kind).toBe(kind);
    expect(c.message).not.toMatch(/^error:/);
  });

  it('maps a run killed by its timeout to timeout', () => {
    expect(fault('', { timedOut: true }).kind).toBe('timeout');
  });

  it('maps domain states onto OCCI compute states', () => {
    expect(['running', 'idle', 'blocked', 'paused', 'pmsuspended', 'shut off', 'in shutdown', 'crashed', 'no state'].map(computeStateOf)).toEqual([
      'active',
      'active',
      'active',
      'suspended',
      'suspended',
      'inactive',
      'pending',
      'error',
      'error',
    ]);
  });
});
