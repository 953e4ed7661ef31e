import { serverError } from '../errors';
import type { LogLevel, ServerOptions } from './options';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Reads the server's configuration from environment variables: `PORT`, `HOST`,
 * `ACCORDS_DATABASE_URL`, `ACCORDS_ADMIN_TOKEN`, `ACCORDS_CONNECTORS`, `ACCORDS_LOG_LEVEL`,
 * `ACCORDS_BODY_LIMIT`, `ACCORDS_PUBLIC_URL`.
 * @param env - the environment (usually `process.env`)
 * @returns options for {@link startServer}
 * @throws AccordsError `bad_request` naming the variable when a value is malformed
 * @example loadConfig({ PORT: '9000' }).port // 9000
 */
export function loadConfig(env: Record<string, string | undefined>): ServerOptions {
  const options: ServerOptions = {
    databaseUrl: env.ACCORDS_DATABASE_URL || 'sqlite:./data/accords.sqlite',
    port: integer(env, 'PORT', { fallback: 8080, max: 65535 }),
    host: env.HOST || '127.0.0.1',
    connectors: env.ACCORDS_CONNECTORS || 'sim',
  };
  if (env.ACCORDS_ADMIN_TOKEN) {
    if (env.ACCORDS_ADMIN_TOKEN.length < 16) throw bad('ACCORDS_ADMIN_TOKEN', 'must be at least 16 characters');
    options.adminToken = env.ACCORDS_ADMIN_TOKEN;
  }
  const level = env.ACCORDS_LOG_LEVEL;
  if (level) {
    if (!LEVELS.includes(level as LogLevel)) throw bad('ACCORDS_LOG_LEVEL', `"${level}" is not one of ${LEVELS.join(', ')}`);
    options.logLevel = level as LogLevel;
  }
  if (env.ACCORDS_PUBLIC_URL) options.publicUrl = publicUrl(env.ACCORDS_PUBLIC_URL);
  if (env.ACCORDS_BODY_LIMIT) options.limits = { bodyBytes: integer(env, 'ACCORDS_BODY_LIMIT', { fallback: 0, max: 1 << 30 }) };
  return options;
}

function integer(env: Record<string, string | undefined>, name: string, range: { fallback: number; max: number }): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return range.fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > range.max) throw bad(name, `"${raw}" is not an integer between 0 and ${range.max}`);
  return Number(raw);
}

function publicUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (cause) {
    throw serverError('bad_request', `ACCORDS_PUBLIC_URL "${raw}" is not a URL`, { location: { attribute: 'ACCORDS_PUBLIC_URL' }, cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad('ACCORDS_PUBLIC_URL', `"${raw}" must be an http or https URL`);
  return url.origin;
}

function bad(name: string, why: string) {
  return serverError('bad_request', `${name} ${why}`, { location: { attribute: name } });
}
