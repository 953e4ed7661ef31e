import { readFile } from 'node:fs/promises';
import { ConnectorError } from '../errors/connector-error';

/**
 * Where a credential lives: `env:NAME` or `{ env: 'NAME' }` for an environment variable,
 * `file:/path` or `{ file: '/path' }` for a file (trailing newline removed).
 */
export type SecretRef = string | { env: string } | { file: string };

const REDACTED = '[redacted]';
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/**
 * A resolved credential. Its value comes out only through {@link Secret.reveal}; printing,
 * logging, string conversion and JSON all show `[redacted]`.
 * @example
 * ```ts
 * const s = new Secret('p4ss', 'env:DB_PASSWORD');
 * `${s}`; // '[redacted]'
 * s.reveal(); // 'p4ss'
 * ```
 */
export class Secret {
  readonly #value: string;
  /** Where it came from (`env:NAME` or `file:/path`), safe to log. */
  readonly source: string;

  /**
   * @param value - The credential.
   * @param source - A loggable description of where it came from.
   */
  constructor(value: string, source: string) {
    this.#value = value;
    this.source = source;
  }

  /** @returns The credential itself: pass it to the backend client and nowhere else. */
  reveal(): string {
    return this.#value;
  }

  /** @returns `[redacted]`. */
  toString(): string {
    return REDACTED;
  }

  /** @returns `[redacted]`. */
  toJSON(): string {
    return REDACTED;
  }

  /** @returns `Secret([redacted] from <source>)` for Node's inspector. */
  [inspectSymbol](): string {
    return `Secret(${REDACTED} from ${this.source})`;
  }
}

/** Where {@link resolveSecret} reads from (injectable for tests). */
export interface ResolveSecretOptions {
  /** Environment (default `process.env`). */
  env?: Record<string, string | undefined>;
  /** Reads a file as UTF-8 (default `fs.readFile`). */
  readFile?: (path: string) => Promise<string>;
}

function parseRef(ref: SecretRef): { env: string } | { file: string } {
  if (typeof ref !== 'string') {
    if (ref && typeof ref === 'object' && 'env' in ref && typeof ref.env === 'string' && ref.env) return { env: ref.env };
    if (ref && typeof ref === 'object' && 'file' in ref && typeof ref.file === 'string' && ref.file) return { file: ref.file };
    throw new ConnectorError('invalid', 'secret reference must be { env: NAME } or { file: PATH }', { location: { attribute: 'secretRef' } });
  }
  const m = /^(env|file):(.+)$/.exec(ref);
  // Never echo the reference: a mistaken caller may have passed the secret itself.
  if (!m && ref.startsWith('vault:')) {
    throw new ConnectorError('unsupported', 'vault: secret references are not supported here; use env: or file:', {
      location: { attribute: 'secretRef' },
    });
  }
  if (!m) {
    throw new ConnectorError('invalid', 'secret reference must start with "env:" or "file:"', {
      location: { attribute: 'secretRef' },
    });
  }
  return m[1] === 'env' ? { env: m[2]! } : { file: m[2]! };
}

/**
 * Resolves a credential from an environment variable or a file.
 * @param ref - The reference (never the secret itself).
 * @param options - Environment and file reader, for tests.
 * @returns The {@link Secret}.
 * @throws {ConnectorError} `invalid` for a malformed reference, an unset or empty variable, or an unreadable or empty file;
 *   `unsupported` for another scheme (such as `vault:`).
 * @example
 * ```ts
 * const token = await resolveSecret('env:OS_PASSWORD');
 * client.login(user, token.reveal());
 * ```
 */
export async function resolveSecret(ref: SecretRef, options: ResolveSecretOptions = {}): Promise<Secret> {
  const parsed = parseRef(ref);
  if ('env' in parsed) {
    const value = (options.env ?? process.env)[parsed.env];
    if (value === undefined || value === '') {
      throw new ConnectorError('invalid', `environment variable ${parsed.env} is not set`, { location: { attribute: 'secretRef' } });
    }
    return new Secret(value, `env:${parsed.env}`);
  }
  const read = options.readFile ?? ((p: string) => readFile(p, 'utf8'));
  let text: string;
  try {
    text = await read(parsed.file);
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'error';
    throw new ConnectorError('invalid', `secret file ${parsed.file} cannot be read (${code})`, {
      location: { attribute: 'secretRef' },
      cause: err,
    });
  }
  const value = text.replace(/\r?\n$/, '');
  if (value === '') throw new ConnectorError('invalid', `secret file ${parsed.file} is empty`, { location: { attribute: 'secretRef' } });
  return new Secret(value, `file:${parsed.file}`);
}
