import { serverError } from '../errors';

/** Where the store lives, as parsed from `ACCORDS_DATABASE_URL`. */
export type DatabaseTarget =
  | { type: 'sqlite'; file: string }
  | { type: 'postgres'; url: string; schema?: string };

/**
 * Parses a database URL: `sqlite:<file>`, `sqlite::memory:` or `postgres://...` (an optional
 * `?schema=<name>` query parameter selects a PostgreSQL schema).
 * @param url - the URL
 * @returns the parsed target
 * @throws AccordsError `bad_request` when the URL is not one of these forms
 * @example parseDatabaseUrl('sqlite:./data/accords.sqlite') // { type: 'sqlite', file: './data/accords.sqlite' }
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file === '') throw invalid(url, 'sqlite: needs a file name or :memory:');
    return { type: 'sqlite', file };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch (cause) {
      throw invalid(url, 'not a valid URL', cause);
    }
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw invalid(url, `schema "${schema}" must match [a-z_][a-z0-9_]*`);
    return schema === undefined ? { type: 'postgres', url: parsed.toString() } : { type: 'postgres', url: parsed.toString(), schema };
  }
  throw invalid(url, 'expected sqlite:<file>, sqlite::memory: or postgres://...');
}

function invalid(url: string, why: string, cause?: unknown) {
  const shown = url.replace(/\/\/[^@/]*@/, '//***@');
  return serverError('bad_request', `ACCORDS_DATABASE_URL "${shown}": ${why}`, { location: { attribute: 'ACCORDS_DATABASE_URL' }, cause });
}
