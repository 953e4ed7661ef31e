/*
 * V8's JSON.parse errors do not always say where (Node 20: "Unexpected token 'o', ... is not
 * valid JSON"). This scanner runs only after JSON.parse failed and finds the offset of the first
 * character that breaks the JSON grammar (RFC 8259).
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

class Scanner {
  i = 0;
  constructor(readonly s: string) {}

  ws(): void {
    while (this.i < this.s.length && WS.has(this.s.charCodeAt(this.i))) this.i++;
  }

  fail(): never {
    throw this.i;
  }

  expect(ch: string): void {
    if (this.s[this.i] !== ch) this.fail();
    this.i++;
  }

  value(): void {
    this.ws();
    const ch = this.s[this.i];
    if (ch === '{') this.object();
    else if (ch === '[') this.array();
    else if (ch === '"') this.string();
    else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) this.number();
    else if (this.s.startsWith('true', this.i)) this.i += 4;
    else if (this.s.startsWith('false', this.i)) this.i += 5;
    else if (this.s.startsWith('null', this.i)) this.i += 4;
    else this.fail();
  }

  object(): void {
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') return void this.i++;
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail();
      this.string();
      this.ws();
      this.expect(':');
      this.value();
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else return this.expect('}');
    }
  }

  array(): void {
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') return void this.i++;
    for (;;) {
      this.value();
      this.ws();
      if (this.s[this.i] === ',') this.i++;
      else return this.expect(']');
    }
  }

  string(): void {
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c === 0x22) return void this.i++;
      if (c < 0x20) this.fail();
      if (c === 0x5c) {
        const e = this.s[this.i + 1];
        if (e === 'u') {
          this.i++;
          if (!/^[0-9a-fA-F]{4}$/.test(this.s.slice(this.i + 1, this.i + 5))) this.fail();
          this.i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
        else {
          this.i++;
          this.fail();
        }
      } else this.i++;
    }
    this.fail();
  }

  number(): void {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (!m || m[0] === '' || m[0] === '-') this.fail();
    this.i += m[0].length;
  }
}

/**
 * Finds where a JSON text stops being valid.
 * @param text - text that JSON.parse rejected.
 * @returns 1-based line and column of the offending character, or undefined if it cannot tell.
 */
export function locateJsonError(text: string): { line: number; column: number } | undefined {
  const scanner = new Scanner(text);
  let offset: number | undefined;
  try {
    scanner.value();
    scanner.ws();
    if (scanner.i < text.length) offset = scanner.i;
  } catch (e) {
    if (typeof e === 'number') offset = e;
  }
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
