import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';

const ENTRY = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
let bundled: Promise<string> | undefined;

/**
 * The CLI built from the current sources (workspace packages included, through their
 * `@accords/source` condition) into one file: a process starts in a fraction of the time
 * `node --import tsx src/cli.ts` takes, which matters when a test suite starts dozens.
 */
export function cliBundle(): Promise<string> {
  bundled ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'accords-cli-bundle-'));
    await build({
      entry: { accords: ENTRY },
      outDir,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      noExternal: [/.*/],
      silent: true,
      dts: false,
      sourcemap: false,
      config: false,
      banner: { js: "import { createRequire as __accordsRequire } from 'node:module'; const require = __accordsRequire(import.meta.url);" },
      esbuildOptions(options) {
        options.conditions = ['@accords/source', 'node', 'import'];
      },
    });
    return join(outDir, 'accords.js');
  })();
  return bundled;
}

/** What a CLI run printed and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `accords` as a real child process, with a home directory of its own so that no user
 * config leaks in.
 * @param args - the command line after `accords`
 * @param options - environment variables and standard input
 */
export async function runCli(args: readonly string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliRun> {
  const cli = await cliBundle();
  const home = mkdtempSync(join(tmpdir(), 'accords-cli-home-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: home, NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
