import type { ErrorLocation, Issue } from '@accords/occi';

/** What the SDK could read from a failed answer's body. */
export interface ErrorBody {
  code?: string;
  message?: string;
  location?: ErrorLocation;
  issues?: Issue[];
}


const MAX_MESSAGE = 2000;

/**
 * Reads the code, message and location from the body of an OCCI error answer, in whichever
 * rendering the server chose: a JSON object (`{ code, message, location }`, possibly under
 * `error`), or text (an optional `X-OCCI-Error:`/`Error:` line, otherwise the text itself).
 * @param options - the answer's content type and body text
 * @returns what could be read; empty when the body says nothing useful
 * @example
 * readErrorBody({ contentType: 'text/plain', body: 'error: not_found\nmessage: no entity at /compute/1' });
 * // { code: 'not_found', message: 'no entity at /compute/1' }
 */
export function readErrorBody(options: { contentType: string | null; body: string }): ErrorBody {
  const text = options.body.trim();
  if (!text) return {};
  const looksJson = (options.contentType ?? '').includes('json') || text.startsWith('{');
  if (looksJson) {
    const fromJson = readJson(text);
    if (fromJson) return fromJson;
  }
  return readText(text);
}

function readJson(text: string): ErrorBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const inner = isRecord(parsed.error) ? parsed.error : parsed;
  const body: ErrorBody = {};
  if (typeof inner.code === 'string') body.code = inner.code;
  const message = inner.message ?? (typeof parsed.error === 'string' ? parsed.error : undefined);
  if (typeof message === 'string') body.message = clip(message);
  if (isRecord(inner.location)) body.location = readLocation(inner.location);
  if (Array.isArray(inner.issues)) body.issues = inner.issues.filter(isRecord).map(readIssue);
  return body;
}

function readLocation(raw: Record<string, unknown>): ErrorLocation {
  const location: ErrorLocation = {};
  if (typeof raw.line === 'number') location.line = raw.line;
  if (typeof raw.column === 'number') location.column = raw.column;
  if (typeof raw.pointer === 'string') location.pointer = raw.pointer;
  if (typeof raw.attribute === 'string') location.attribute = raw.attribute;
  if (typeof raw.header === 'string') location.header = raw.header;
  return location;
}

function readIssue(raw: Record<string, unknown>): Issue {
  const issue: Issue = { code: typeof raw.code === 'string' ? raw.code : 'invalid', message: typeof raw.message === 'string' ? clip(raw.message) : '' };
  if (isRecord(raw.location)) issue.location = readLocation(raw.location);
  return issue;
}

function readText(text: string): ErrorBody {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const fields = new Map<string, string[]>();
  for (const line of lines) {
    const match = /^([a-z-]+)\s*:\s*(.*)$/i.exec(line);
    if (!match) continue;
    const key = match[1]!.toLowerCase();
    fields.set(key, [...(fields.get(key) ?? []), match[2]!]);
  }
  const one = (key: string): string | undefined => fields.get(key)?.[0];
  // Structured form: `error: <code>`, `status:`, `message:`, location keys, `issue:` lines.
  const message = one('message');
  if (message !== undefined) {
    const body: ErrorBody = { message: clip(message) };
    const code = one('error') ?? one('code');
    if (code && /^[a-z][a-z0-9_]*$/.test(code)) body.code = code;
    const location = readLocation({
      line: numberOf(one('line')),
      column: numberOf(one('column')),
      pointer: one('pointer'),
      attribute: one('attribute'),
      header: one('header'),
    });
    if (Object.keys(location).length) body.location = location;
    const issues = fields.get('issue');
    if (issues) body.issues = issues.map((m) => ({ code: body.code ?? 'invalid', message: clip(m) }));
    return body;
  }
  const flagged = one('x-occi-error') ?? one('error');
  if (flagged) return { message: clip(flagged) };
  // An HTML error page (a proxy in front of the server) says nothing a user can act on.
  if (/^<(!doctype|html)/i.test(text)) return {};
  return { message: clip(lines.join(' ')) };
}

function numberOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
