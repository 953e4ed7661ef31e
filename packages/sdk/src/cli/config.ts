import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Rendering } from '../wire';
import { CliError, ExitCode } from './exit-codes';

/** How results are printed. */
export type OutputMode = 'table' | 'json' | 'text';

/** Connection settings as they may appear in the config file, a profile, the environment or flags. */
export interface ConnectionSettings {
  url?: string;
  token?: string;
  /** `user:password` for HTTP Basic. */
  user?: string;
  rendering?: 'json' | 'text';
  output?: OutputMode;
}

/** The settings the CLI runs with, after flags, environment and the config file are merged. */
export interface ResolvedConfig {
  url: string;
  token?: string;
  basic?: { username: string; password: string };
  rendering: Rendering;
  output: OutputMode;
  /** Which file was read, if any. */
  configFile?: string;
}

/** Where the values come from. */
export interface ConfigSources {
  flags: ConnectionSettings & { config?: string; profile?: string };
  env: Record<string, string | undefined>;
  /** Whether standard output is a terminal (the default output is a table there, text otherwise). */
  isTTY: boolean;
}

/** The server the CLI talks to when nothing says otherwise (the reference server's default). */
export const DEFAULT_URL = 'http://127.0.0.1:8080';
const KEYS = ['url', 'token', 'user', 'rendering', 'output'] as const;

/**
 * The config file's path: `--config`, then `ACCORDS_CONFIG`, then
 * `$XDG_CONFIG_HOME/accords/config.yaml` (`~/.config/accords/config.yaml`).
 * @param sources - flags and environment
 * @returns the path and whether the user named it (a named file must exist)
 */
export function configPath(sources: Pick<ConfigSources, 'flags' | 'env'>): { path: string; explicit: boolean } {
  const named = sources.flags.config ?? sources.env.ACCORDS_CONFIG;
  if (named) return { path: named, explicit: true };
  const base = sources.env.XDG_CONFIG_HOME || join(sources.env.HOME || homedir(), '.config');
  return { path: join(base, 'accords', 'config.yaml'), explicit: false };
}

/**
 * Merges flags over environment (`ACCORDS_URL`, `ACCORDS_TOKEN`, `ACCORDS_USER`,
 * `ACCORDS_PROFILE`, `ACCORDS_OUTPUT`, `ACCORDS_RENDERING`) over the config file (its top level, then the chosen profile).
 * @param sources - flags, environment and whether stdout is a terminal
 * @returns the resolved settings
 * @throws {CliError} exit code 3 for an unreadable or invalid config file or value
 */
export function resolveConfig(sources: ConfigSources): ResolvedConfig {
  const { path, explicit } = configPath(sources);
  const file = readConfigFile(path, explicit);
  const profileName = sources.flags.profile ?? sources.env.ACCORDS_PROFILE ?? (typeof file?.profile === 'string' ? file.profile : undefined);
  let profile: ConnectionSettings = {};
  if (profileName) {
    const found = file?.profiles?.[profileName];
    if (!found) {
      throw new CliError(`no profile "${profileName}" in ${file ? path : 'the config file (none found)'}`, {
        exitCode: ExitCode.invalidInput,
        hint: file?.profiles ? `profiles: ${Object.keys(file.profiles).join(', ')}` : `create ${path} with a "profiles:" map`,
      });
    }
    profile = found;
  }
  const env: ConnectionSettings = {
    url: sources.env.ACCORDS_URL || undefined,
    token: sources.env.ACCORDS_TOKEN || undefined,
    user: sources.env.ACCORDS_USER || undefined,
    output: (sources.env.ACCORDS_OUTPUT as OutputMode) || undefined,
    rendering: (sources.env.ACCORDS_RENDERING as 'json' | 'text') || undefined,
  };
  const pick = <K extends keyof ConnectionSettings>(key: K): ConnectionSettings[K] => sources.flags[key] ?? env[key] ?? profile[key] ?? file?.[key];
  const url = pick('url') ?? DEFAULT_URL;
  const output = pick('output') ?? (sources.isTTY ? 'table' : 'text');
  if (!['table', 'json', 'text'].includes(output)) throw invalid(`output must be table, json or text, not "${output}"`);
  const rendering = pick('rendering') ?? 'json';
  if (rendering !== 'json' && rendering !== 'text') throw invalid(`rendering must be json or text, not "${String(rendering)}"`);
  if (!/^https?:\/\/[^/]/i.test(url) || !URL.canParse(url)) {
    throw invalid(`not a URL: "${url}"`, 'give the server as http://host:port (flag --url, ACCORDS_URL or the config file)');
  }
  const resolved: ResolvedConfig = { url, output, rendering: rendering === 'text' ? 'text/plain' : 'application/occi+json' };
  if (file) resolved.configFile = path;
  const token = pick('token');
  const user = pick('user');
  // A token given closer to the command wins over a user from further away, and the reverse.
  const rank = (key: 'token' | 'user'): number => precedence({ sources, profile, file, key });
  if (token && (!user || rank('token') <= rank('user'))) resolved.token = token;
  else if (user) {
    const colon = user.indexOf(':');
    if (colon < 1) throw invalid('--user must be user:password');
    resolved.basic = { username: user.slice(0, colon), password: user.slice(colon + 1) };
  }
  return resolved;
}

interface ConfigFile extends ConnectionSettings {
  profile?: string;
  profiles?: Record<string, ConnectionSettings>;
}

function precedence(input: { sources: ConfigSources; profile: ConnectionSettings; file: ConfigFile | undefined; key: 'token' | 'user' }): number {
  const { sources, profile, file, key } = input;
  const envKey = key === 'token' ? 'ACCORDS_TOKEN' : 'ACCORDS_USER';
  if (sources.flags[key]) return 0;
  if (sources.env[envKey]) return 1;
  if (profile[key]) return 2;
  return file?.[key] ? 3 : 4;
}

function readConfigFile(path: string, explicit: boolean): ConfigFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    if (!explicit && (cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CliError(`cannot read config file ${path}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, { exitCode: ExitCode.invalidInput, cause });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const at = lines.linePos(first.pos[0]);
    throw new CliError(`${path}:${at.line}:${at.col}: ${first.message.split('\n')[0]}`, { exitCode: ExitCode.invalidInput });
  }
  const value: unknown = doc.toJS();
  if (value === null || value === undefined) return {};
  const where = (keyPath: (string | number)[]): string => {
    const node = doc.getIn(keyPath, true) as { range?: [number, number] } | undefined;
    const pair = keyPath.length ? node?.range : undefined;
    return pair ? `${path}:${lines.linePos(pair[0]).line}` : path;
  };
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`${path}: the config file must be a mapping of settings`);
  const file = value as Record<string, unknown>;
  checkSettings({ settings: file, at: [], where, extra: ['profile', 'profiles'] });
  if (file.profiles !== undefined) {
    if (typeof file.profiles !== 'object' || file.profiles === null || Array.isArray(file.profiles)) throw invalid(`${where(['profiles'])}: profiles must be a mapping of names to settings`);
    for (const [name, settings] of Object.entries(file.profiles)) {
      if (typeof settings !== 'object' || settings === null) throw invalid(`${where(['profiles', name])}: profile ${name} must be a mapping`);
      checkSettings({ settings: settings as Record<string, unknown>, at: ['profiles', name], where, extra: [] });
    }
  }
  return file as ConfigFile;
}

function checkSettings(input: { settings: Record<string, unknown>; at: string[]; where: (p: (string | number)[]) => string; extra: string[] }): void {
  const { settings, at, where, extra } = input;
  for (const [key, v] of Object.entries(settings)) {
    const keyPath = [...at, key];
    if (!(KEYS as readonly string[]).includes(key) && !extra.includes(key)) {
      throw invalid(`${where(keyPath)}: unknown setting "${key}" (known: ${[...KEYS, ...extra].join(', ')})`);
    }
    if (key !== 'profiles' && typeof v !== 'string') throw invalid(`${where(keyPath)}: "${key}" must be a string`);
  }
}

function invalid(message: string, hint?: string): CliError {
  return new CliError(message, { exitCode: ExitCode.invalidInput, hint });
}
