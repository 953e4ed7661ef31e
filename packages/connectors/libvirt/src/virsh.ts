import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A failed `virsh` invocation: its sub-command, exit code and libvirt's message.
 * @example
 * ```ts
 * try { await virsh.run(['dominfo', 'x']); } catch (e) { if (e instanceof VirshError) classifyVirshError(e); }
 * ```
 */
export class VirshError extends Error {
  override readonly name = 'VirshError';
  /** The virsh sub-command, e.g. `dominfo`. */
  readonly command: string;
  /** Exit code, or undefined when virsh could not be run or was killed. */
  readonly exitCode: number | undefined;
  /** What virsh printed on stderr (libvirt's own message). */
  readonly stderr: string;
  /** Whether the invocation was killed by its timeout. */
  readonly timedOut: boolean;

  constructor(init: { command: string; exitCode?: number; stderr: string; timedOut?: boolean; cause?: unknown }) {
    super(`virsh ${init.command} failed${init.exitCode !== undefined ? ` (exit ${init.exitCode})` : ''}: ${init.stderr.trim() || 'no message'}`, { cause: init.cause });
    this.command = init.command;
    this.exitCode = init.exitCode;
    this.stderr = init.stderr;
    this.timedOut = init.timedOut ?? false;
  }
}

function virshEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', LANG: 'C' };
  delete env.VIRSH_DEFAULT_CONNECT_URI;
  delete env.LIBVIRT_DEFAULT_URI;
  return env;
}

/** Options of a {@link Virsh} runner. */
export interface VirshOptions {
  /** Connection URI, e.g. `qemu:///session` or `test+unix:///default?socket=...`. */
  uri: string;
  /** Path of the virsh binary (default `virsh` from PATH). */
  binary?: string;
  /** Default timeout per invocation (default 60 s). */
  timeoutMs?: number;
}

/** Per-invocation options. */
export interface VirshRunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * Runs `virsh -c <uri> ...` as a child process (no shell, C locale, quiet tables).
 * @example
 * ```ts
 * const virsh = new Virsh({ uri: 'qemu:///system' });
 * const state = await virsh.run(['domstate', 'web']);
 * ```
 */
export class Virsh {
  readonly uri: string;
  private readonly binary: string;
  private readonly timeoutMs: number;

  constructor(options: VirshOptions) {
    this.uri = options.uri;
    this.binary = options.binary ?? 'virsh';
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /**
   * Runs one virsh command and returns its stdout.
   * @param args - The sub-command and its arguments.
   * @param opts - Signal and timeout of this run.
   * @returns What virsh printed on stdout.
   * @throws VirshError on a non-zero exit or timeout; the caller's abort reason when `signal` fires.
   */
  run(args: string[], opts: VirshRunOptions = {}): Promise<string> {
    const command = args[0] ?? '';
    return new Promise((resolve, reject) => {
      if (opts.signal?.aborted) {
        reject(opts.signal.reason);
        return;
      }
      execFile(
        this.binary,
        ['-q', '-c', this.uri, ...args],
        {
          env: virshEnv(),
          timeout: opts.timeoutMs ?? this.timeoutMs,
          signal: opts.signal,
          maxBuffer: 16 * 1024 * 1024,
        },
        (error, stdout, stderr) => {
          if (!error) {
            resolve(stdout);
            return;
          }
          if (opts.signal?.aborted) {
            reject(opts.signal.reason);
            return;
          }
          const e = error as NodeJS.ErrnoException & { code?: number | string; killed?: boolean; signal?: string | null };
          reject(
            new VirshError({
              command,
              exitCode: typeof e.code === 'number' ? e.code : undefined,
              stderr: stderr || e.message,
              timedOut: e.killed === true && e.signal === 'SIGTERM',
              cause: error,
            }),
          );
        },
      );
    });
  }

  /**
   * Runs a command that takes an XML file (`define`, `net-define`, `vol-create`, ...):
   * the XML goes to a private temporary file that is removed afterwards.
   * @param args - Arguments before and after the file name.
   * @param xml - The definition.
   * @param opts - Signal and timeout of this run.
   * @returns What virsh printed on stdout.
   * @throws VirshError on failure.
   */
  async runWithXml(args: { before: string[]; after?: string[] }, xml: string, opts: VirshRunOptions = {}): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'accords-virsh-'));
    const file = join(dir, 'def.xml');
    try {
      await writeFile(file, xml, { mode: 0o600 });
      return await this.run([...args.before, file, ...(args.after ?? [])], opts);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
