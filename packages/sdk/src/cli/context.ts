import type { Command } from 'commander';
import { createClient, type Client } from '../client';
import { resolveConfig, type ConnectionSettings, type ResolvedConfig } from './config';
import { createPrinter, type CliIo, type Printer } from './output';

/** The global flags every command accepts. */
export interface GlobalFlags extends ConnectionSettings {
  config?: string;
  profile?: string;
  verbose?: boolean;
  color?: boolean;
  timeout?: string;
  retries?: string;
}

/** Everything a command needs: settings, a client, a printer. */
export interface CommandContext {
  readonly config: ResolvedConfig;
  readonly client: Client;
  readonly out: Printer;
  readonly io: CliIo;
  readonly verbose: boolean;
  /** Whether output may use colour. */
  readonly color: boolean;
  /** Whether stdout is a terminal (progress bars, prompts). */
  readonly interactive: boolean;
  readonly signal: AbortSignal;
}

/** What the CLI runs with, fixed for one invocation. */
export interface CliEnvironment {
  io: CliIo;
  env: Record<string, string | undefined>;
  signal: AbortSignal;
  /** A fetch implementation (tests); the global one by default. */
  fetch?: typeof fetch;
}

/**
 * Builds the context of a command from its flags (with the global ones) and the environment.
 * @param command - the commander command being run
 * @param environment - streams, environment variables, signal
 * @returns the context
 */
export function commandContext(command: Command, environment: CliEnvironment): CommandContext {
  const flags = command.optsWithGlobals<GlobalFlags>();
  const isTTY = environment.io.stdout.isTTY === true;
  const config = resolveConfig({ flags, env: environment.env, isTTY });
  const color = flags.color !== false && isTTY && !environment.env.NO_COLOR;
  const verbose = flags.verbose === true;
  const out = createPrinter({ mode: config.output, io: environment.io, color });
  const client = createClient({
    url: config.url,
    token: config.token,
    basic: config.basic,
    rendering: config.rendering,
    fetch: environment.fetch,
    signal: environment.signal,
    retries: flags.retries !== undefined ? Number(flags.retries) : 2,
    timeoutMs: flags.timeout !== undefined ? Number(flags.timeout) : 30_000,
    onRetry: verbose ? (i) => out.note(`retry ${i.attempt} of ${i.method} ${i.url} in ${i.delayMs} ms (${i.reason})`) : undefined,
  });
  return { config, client, out, io: environment.io, verbose, color, interactive: isTTY, signal: environment.signal };
}
