import { Secret } from './secrets';

/** Key names whose values are always hidden. */
export const SENSITIVE_KEY = /pass(word)?|secret|token|api[-_]?key|private[-_]?key|authorization|credential|cookie/i;

/** Options of {@link redact}. */
export interface RedactOptions {
  /** Known credential values (or {@link Secret}s) to blank out wherever they appear in strings. */
  secrets?: ReadonlyArray<Secret | string>;
  /** Key pattern whose values are hidden (default {@link SENSITIVE_KEY}). */
  keys?: RegExp;
}

const MARK = '[redacted]';

/**
 * Blanks out every known credential value inside a string.
 * @param text - Text that may contain credentials (a URL, an error message).
 * @param secrets - The credentials.
 * @returns The text with each occurrence replaced by `[redacted]`.
 * @example
 * ```ts
 * redactText('GET /?token=abc', ['abc']); // 'GET /?token=[redacted]'
 * ```
 */
export function redactText(text: string, secrets: ReadonlyArray<Secret | string>): string {
  let out = text;
  for (const s of secrets) {
    const value = s instanceof Secret ? s.reveal() : s;
    if (value.length > 0) out = out.split(value).join(MARK);
  }
  return out;
}

/**
 * Returns a copy of a value safe to log: values under sensitive keys and every known
 * credential inside strings become `[redacted]`; cycles are cut.
 * @param value - Anything (request options, an error, a config object).
 * @param options - Known secrets and the sensitive-key pattern.
 * @returns A redacted deep copy (errors become `{ name, message, ... }`).
 * @example
 * ```ts
 * log(redact({ user: 'ops', password: 'x' })); // { user: 'ops', password: '[redacted]' }
 * ```
 */
export function redact(value: unknown, options: RedactOptions = {}): unknown {
  const secrets = options.secrets ?? [];
  const keys = options.keys ?? SENSITIVE_KEY;
  const seen = new WeakSet<object>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, secrets);
    if (v instanceof Secret) return MARK;
    if (v === null || typeof v !== 'object') return v;
    if (seen.has(v)) return '[circular]';
    seen.add(v);
    if (Array.isArray(v)) return v.map(walk);
    const source: Record<string, unknown> =
      v instanceof Error ? { name: v.name, message: v.message, ...(v as unknown as Record<string, unknown>) } : (v as Record<string, unknown>);
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(source)) out[k] = keys.test(k) && child !== undefined ? MARK : walk(child);
    return out;
  };
  return walk(value);
}
