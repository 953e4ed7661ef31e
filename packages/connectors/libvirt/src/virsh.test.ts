import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Virsh, VirshError } from './virsh';

// A stand-in for the virsh binary (a real child process): it prints its arguments, or fails like virsh does.
const SCRIPT = `#!/bin/sh
case "$4" in
  fail) echo "error: failed to get domain 'x'" >&2; exit 1 ;;
  slow) sleep 5 ;;
  cat) cat "$5" ;;
  *) echo "args:$*" ; echo "lang:$LC_ALL" ;;
esac
`;

describe('Virsh runner', () => {
  let dir: string;
  let virsh: Virsh;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'accords-fake-virsh-'));
    await writeFile(join(dir, 'virsh'), SCRIPT);
    await chmod(join(dir, 'virsh'), 0o755);
    virsh = new Virsh({ uri: 'test:///default', binary: join(dir, 'virsh'), timeoutMs: 2_000 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('passes the URI and arguments without a shell, in the C locale', async () => {
    expect(await virsh.run(['dominfo', 'a b;c'])).toBe('args:-q -c test:///default dominfo a b;c\nlang:C\n');
  });

  it('turns a failure into a VirshError with the exit code and libvirt message', async () => {
    const err = await virsh.run(['fail']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VirshError);
    expect(err).toMatchObject({ command: 'fail', exitCode: 1, timedOut: false, stderr: "error: failed to get domain 'x'\n" });
  });

  it('kills a run that outlives its timeout and says so', async () => {
    const err = await virsh.run(['slow'], { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ timedOut: true });
  });

  it('stops at once when the caller aborts, with the caller reason', async () => {
    const controller = new AbortController();
    const pending = virsh.run(['slow'], { signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow('caller gave up');
    await expect(virsh.run(['x'], { signal: AbortSignal.abort(new Error('already')) })).rejects.toThrow('already');
  });

  it('hands XML over in a private temporary file', async () => {
    expect(await virsh.runWithXml({ before: ['cat'] }, '<domain/>')).toBe('<domain/>');
  });
});
