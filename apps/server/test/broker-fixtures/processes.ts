import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** A child process that printed a JSON line when ready. */
export interface Child<T> {
  proc: ChildProcess;
  info: T;
  /** SIGKILL, then wait for the exit. */
  kill(): Promise<void>;
}

/** A loaded child waiting for `go` (see server-main.ts WAIT_FOR_GO). */
export interface SpareChild<T> {
  go(): Promise<Child<T>>;
  kill(): Promise<void>;
}

/** Starts a fixture script with tsx and the source condition; resolves with its first JSON line. */
export async function startChild<T>(script: string, env: Record<string, string>): Promise<Child<T>> {
  return (await spawnChild<T>(script, env)).child;
}

/** Spawns a script with WAIT_FOR_GO=1: resolves once it has loaded; `go()` lets it start. */
export async function spareChild<T>(script: string, env: Record<string, string>): Promise<SpareChild<T>> {
  const { child, next } = await spawnChild<{ ready: boolean }>(script, { ...env, WAIT_FOR_GO: '1' });
  return {
    kill: child.kill,
    async go() {
      const info = next<T>();
      child.proc.stdin!.write('go\n');
      return { proc: child.proc, info: await info, kill: child.kill };
    },
  };
}

async function spawnChild<T>(script: string, env: Record<string, string>): Promise<{ child: Child<T>; next: <U>() => Promise<U> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', '--conditions=@accords/source', here(script)], {
    env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const lines = createInterface({ input: proc.stdout! });
  const next = <U>() => new Promise<U>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not answer: ${stderr}`)), 90_000);
    lines.once('line', (line) => { clearTimeout(timer); resolve(JSON.parse(line) as U); });
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${script} exited with ${code}: ${stderr}`)); });
  });
  const info = await next<T>();
  const kill = () => new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
  return { child: { proc, info, kill }, next };
}
