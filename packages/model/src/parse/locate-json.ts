import { pointerSegments } from './position';

const WS = new Set([' ', '\t', '\n', '\r']);

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}
  skipWs(): void {
    while (this.pos < this.text.length && WS.has(this.text[this.pos]!)) this.pos++;
  }
  readString(): string {
    const start = this.pos;
    this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    this.pos++;
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }
  skipValue(): void {
    this.skipWs();
    const c = this.text[this.pos];
    if (c === '"') {
      this.readString();
      return;
    }
    if (c === '{' || c === '[') {
      let depth = 0;
      while (this.pos < this.text.length) {
        const ch = this.text[this.pos]!;
        if (ch === '"') {
          this.readString();
          continue;
        }
        if (ch === '{' || ch === '[') depth++;
        else if (ch === '}' || ch === ']') depth--;
        this.pos++;
        if (depth === 0) return;
      }
      return;
    }
    while (this.pos < this.text.length && !/[,\]}\s]/.test(this.text[this.pos]!)) this.pos++;
  }
}

/** Finds the member `key` of the object at the cursor; leaves the cursor on its key (`atKey`) or value. */
function enterObject(cur: Cursor, key: string, atKey: boolean): boolean {
  cur.pos++;
  for (;;) {
    cur.skipWs();
    if (cur.text[cur.pos] !== '"') return false;
    const keyStart = cur.pos;
    const name = cur.readString();
    cur.skipWs();
    cur.pos++; // ':'
    cur.skipWs();
    if (name === key) {
      if (atKey) cur.pos = keyStart;
      return true;
    }
    cur.skipValue();
    cur.skipWs();
    if (cur.text[cur.pos] !== ',') return false;
    cur.pos++;
  }
}

function enterArray(cur: Cursor, index: number): boolean {
  cur.pos++;
  for (let i = 0; ; i++) {
    cur.skipWs();
    if (cur.text[cur.pos] === ']') return false;
    if (i === index) return true;
    cur.skipValue();
    cur.skipWs();
    if (cur.text[cur.pos] !== ',') return false;
    cur.pos++;
  }
}

/**
 * Finds where the value a JSON pointer designates starts in a (syntactically valid) JSON text.
 * The last segment points at the member's key, which is where a reader looks; when the pointer
 * goes past what exists (a missing property), the deepest existing value is returned.
 * @param text - JSON text that `JSON.parse` accepts.
 * @param pointer - RFC 6901 pointer.
 * @returns 0-based offset.
 */
export function locateJson(text: string, pointer: string): number {
  const cur = new Cursor(text);
  cur.skipWs();
  const segments = pointerSegments(pointer);
  for (let i = 0; i < segments.length; i++) {
    const last = i === segments.length - 1;
    const here = cur.pos;
    const c = text[cur.pos];
    const found =
      c === '{'
        ? enterObject(cur, segments[i]!, last)
        : c === '[' && /^\d+$/.test(segments[i]!)
          ? enterArray(cur, Number(segments[i]))
          : false;
    if (!found) return here;
  }
  return cur.pos;
}
