// The text rendering as the minimal test server reads and writes it: written here by hand,
// independently of @accords/occi, so that the SDK is checked against a second implementation.

export type Scalar = string | number | boolean;

/** Splits on `sep` outside double quotes (honouring backslash escapes). */
export function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && quoted) {
      current += ch + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      parts.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

export function unquote(value: string): string {
  const v = value.trim();
  if (v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\(["\\])/g, '$1');
  return v;
}

export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function renderScalar(value: Scalar): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

export function parseScalar(raw: string): Scalar {
  const v = raw.trim();
  if (v.startsWith('"')) return unquote(v);
  if (v === 'true' || v === 'false') return v === 'true';
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

/** `term; scheme="..."; class="kind"` → fields. */
export function parseParams(value: string): { head: string; params: Record<string, string> } {
  const [head = '', ...rest] = splitOutsideQuotes(value, ';');
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq > 0) params[part.slice(0, eq).trim()] = unquote(part.slice(eq + 1));
  }
  return { head: head.trim(), params };
}

/** Reads OCCI text entries from a text/plain body or from text/occi headers. */
export function readEntries(input: { body: string; headers: Record<string, string | string[] | undefined>; contentType: string }): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  const wanted = ['category', 'x-occi-attribute', 'link', 'x-occi-location'];
  if (input.contentType.startsWith('text/occi')) {
    for (const name of wanted) {
      const raw = input.headers[name];
      for (const joined of Array.isArray(raw) ? raw : raw ? [raw] : []) {
        for (const value of splitOutsideQuotes(joined, ',')) out.push({ name, value });
      }
    }
    return out;
  }
  for (const line of input.body.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`line without a colon: ${line}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    if (wanted.includes(name)) out.push({ name, value: line.slice(colon + 1).trim() });
  }
  return out;
}
