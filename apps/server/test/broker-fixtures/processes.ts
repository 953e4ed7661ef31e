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

/** Starts a fixture script with tsx and the source condition; resolves with its first JSON line. */
export async function startChild<T>(script: string, env: Record<string, string>): Promise<Child<T>> {
  const proc = spawn(process.execPath, ['--import', 'tsx', '--conditions=@accords/source', here(script)], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const lines = createInterface({ input: proc.stdout! });
  const info = await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${stderr}`)), 60_000);
    lines.once('line', (line) => { clearTimeout(timer); resolve(JSON.parse(line) as T); });
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${script} exited with ${code}: ${stderr}`)); });
  });
  return {
    proc, info,
    kill: () => new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    }),
  };
}
