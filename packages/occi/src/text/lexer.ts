import { OcciError } from '../errors';
import type { ErrorLocation } from '../errors';
import type { OcciMessage } from '../render/structures';

/** One OCCI header value (after splitting comma-joined values), with where it came from. */
export interface TextEntry {
  /** Lower-case header name. */
  name: string;
  /** Header name as written. */
  header: string;
  /** The value (trimmed). */
  value: string;
  /** 1-based line (text/plain body). */
  line?: number;
  /** 1-based column of the value's first character (text/plain body). */
  column?: number;
}

/** Header names the text renderings use (lower case). */
export const OCCI_HEADERS = new Set(['category', 'link', 'x-occi-attribute', 'x-occi-location', 'location']);

/**
 * The location of an entry, optionally shifted to a column inside its value.
 * @param entry - the entry.
 * @param offset - 0-based offset inside the value.
 * @returns an error location.
 */
export function where(entry: TextEntry, offset = 0): ErrorLocation {
  const loc: ErrorLocation = { header: entry.header };
  if (entry.line !== undefined) loc.line = entry.line;
  if (entry.column !== undefined) loc.column = entry.column + offset;
  return loc;
}

/**
 * Splits a header value at commas that are outside quoted strings, `<...>`, `[...]` and `{...}`.
 * @param value - a header value.
 * @returns the parts with their offsets (empty parts dropped).
 * @throws OcciError `parse_error` on an unterminated quoted string.
 */
export function splitTopLevel(value: string, entry: Omit<TextEntry, 'value'>): { text: string; offset: number }[] {
  if (value.indexOf(',') < 0) {
    const text = value.trim();
    return text ? [{ text, offset: value.length - value.trimStart().length }] : [];
  }
  const parts: { text: string; offset: number }[] = [];
  let start = 0;
  let depth = 0;
  let quoted = false;
  let angle = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (quoted) {
      if (ch === 92) i++;
      else if (ch === 34) quoted = false;
      continue;
    }
    if (ch === 34) quoted = true;
    else if (ch === 60 && !angle) angle = true;
    else if (ch === 62 && angle) angle = false;
    else if (!angle && (ch === 91 || ch === 123)) depth++;
    else if (!angle && (ch === 93 || ch === 125) && depth > 0) depth--;
    else if (ch === 44 && depth === 0 && !angle) {
      parts.push({ text: value.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  if (quoted) throw new OcciError('parse_error', `${entry.header}: unterminated quoted string`, { location: where({ ...entry, value }, value.length) });
  parts.push({ text: value.slice(start), offset: start });
  return parts
    .map((p) => {
      const lead = p.text.length - p.text.trimStart().length;
      return { text: p.text.trim(), offset: p.offset + lead };
    })
    .filter((p) => p.text.length > 0);
}

function pushSplit(out: TextEntry[], entry: TextEntry): void {
  for (const part of splitTopLevel(entry.value, entry)) {
    const e: TextEntry = { name: entry.name, header: entry.header, value: part.text };
    if (entry.line !== undefined) e.line = entry.line;
    if (entry.column !== undefined) e.column = entry.column + part.offset;
    out.push(e);
  }
}

/**
 * Reads the OCCI entries of the message headers (any case, repeated or comma-joined).
 * @param headers - message headers.
 * @returns the entries, in header order.
 */
export function headerEntries(headers: OcciMessage['headers']): TextEntry[] {
  const out: TextEntry[] = [];
  for (const [header, raw] of Object.entries(headers)) {
    const name = header.toLowerCase();
    if (!OCCI_HEADERS.has(name) || raw === undefined) continue;
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (typeof value !== 'string') continue;
      pushSplit(out, { name, header, value });
    }
  }
  return out;
}

/**
 * Reads the entries of a text/plain body: `Name: value` lines; lines starting with white space
 * continue the previous one; blank lines are ignored; other header names are kept (and ignored later).
 * @param body - the body.
 * @returns the entries with line and column.
 * @throws OcciError `parse_error` (with line and column) for a line that is not `Name: value`.
 */
export function bodyEntries(body: string): TextEntry[] {
  const out: TextEntry[] = [];
  const lines = body.split(/\r\n|\n|\r/);
  let pending: TextEntry | undefined;
  const flush = (): void => {
    if (pending && OCCI_HEADERS.has(pending.name)) pushSplit(out, pending);
    pending = undefined;
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    if (/^[ \t]/.test(line) && pending) {
      pending.value += ' ' + line.trim();
      return;
    }
    flush();
    const m = /^([A-Za-z0-9][A-Za-z0-9_-]*)[ \t]*:[ \t]*/.exec(line);
    if (!m) {
      const column = line.search(/\S/) + 1;
      throw new OcciError('parse_error', `line ${index + 1}: expected "Name: value"`, { location: { line: index + 1, column } });
    }
    const header = m[1] ?? '';
    pending = { name: header.toLowerCase(), header, value: line.slice(m[0].length).trimEnd(), line: index + 1, column: m[0].length + 1 };
  });
  flush();
  return out;
}

/** One `key=value` parameter of a Category or Link value. */
export interface Param {
  key: string;
  value: string;
  quoted: boolean;
  offset: number;
}

/**
 * Splits `first; key="value"; key=token;` into its first item and parameters. Quoted values
 * are unescaped; a trailing `;` and empty items are accepted.
 * @param entry - the entry.
 * @returns the first item (trimmed) and the parameters in order.
 * @throws OcciError `parse_error` for a parameter without `=` or an unterminated quote.
 */
export function splitParams(entry: TextEntry): { first: string; params: Param[] } {
  const value = entry.value;
  const items: { text: string; offset: number }[] = [];
  let start = 0;
  let quoted = false;
  let angle = false;
  const n = value.length;
  for (let i = 0; i < n; i++) {
    const ch = value.charCodeAt(i);
    if (quoted) {
      if (ch === 92) i++;
      else if (ch === 34) quoted = false;
      continue;
    }
    if (ch === 34) quoted = true;
    else if (ch === 60 && !angle && i === start + (value.slice(start, i).length - value.slice(start, i).trimStart().length)) angle = true;
    else if (ch === 62 && angle) angle = false;
    else if (ch === 59 && !angle) {
      items.push({ text: value.slice(start, i), offset: start });
      start = i + 1;
    }
  }
  items.push({ text: value.slice(start), offset: start });
  if (quoted) throw new OcciError('parse_error', `${entry.header}: unterminated quoted string`, { location: where(entry, value.length) });
  const [firstItem, ...rest] = items;
  const params: Param[] = [];
  for (const item of rest) {
    const text = item.text.trim();
    if (text === '') continue;
    const offset = item.offset + (item.text.length - item.text.trimStart().length);
    const eq = text.indexOf('=');
    if (eq <= 0) throw new OcciError('parse_error', `${entry.header}: expected key=value, got "${text}"`, { location: where(entry, offset) });
    const key = text.slice(0, eq).trim();
    const raw = text.slice(eq + 1).trim();
    if (raw.startsWith('"')) {
      const end = closingQuote(raw);
      if (end !== raw.length - 1) {
        const problem = end < 0 ? 'unterminated quoted value' : 'unexpected text after the quoted value';
        throw new OcciError('parse_error', `${entry.header}: ${problem} of ${key}`, { location: where(entry, offset) });
      }
      params.push({ key, value: unescapeQuoted(raw.slice(1, -1)), quoted: true, offset });
    } else params.push({ key, value: raw, quoted: false, offset });
  }
  return { first: (firstItem?.text ?? '').trim(), params };
}

/**
 * Finds the quote that closes a quoted string starting at index 0.
 * @param raw - text starting with `"`.
 * @returns the index of the closing quote, or -1.
 */
export function closingQuote(raw: string): number {
  for (let i = 1; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 92) i++;
    else if (ch === 34) return i;
  }
  return -1;
}

/**
 * Unescapes the inside of a quoted string: `\"`, `\\`, `\n`, `\r`, `\t`, `\uXXXX`; any other `\x` is `x`.
 * @param inner - text between the quotes.
 * @returns the unescaped string.
 */
export function unescapeQuoted(inner: string): string {
  if (!inner.includes('\\')) return inner;
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch !== '\\' || i === inner.length - 1) {
      out += ch;
      continue;
    }
    const next = inner[++i] ?? '';
    if (next === 'n') out += '\n';
    else if (next === 'r') out += '\r';
    else if (next === 't') out += '\t';
    else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(inner.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(inner.slice(i + 1, i + 5), 16));
      i += 4;
    } else out += next;
  }
  return out;
}

/**
 * Quotes a string for the text renderings: `"` and `\` are escaped, control characters as `\n`, `\r`, `\t`, `\uXXXX`.
 * @param value - any string.
 * @returns the quoted string.
 * @example
 * ```ts
 * quote('say "hi"'); // '"say \\"hi\\""'
 * ```
 */
export function quote(value: string): string {
  if (!/["\\\u0000-\u001f\u007f\u2028\u2029]/.test(value)) return '"' + value + '"';
  let out = '"';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}
