/** The first syntax error of a JSON text: where it is and what was expected there. */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WS = /[ \t\n\r]*/y;

/**
 * Finds the first syntax error in a JSON text (RFC 8259), for a precise line and column: the
 * messages of `JSON.parse` do not always carry a position.
 * @param text - JSON text.
 * @returns the error, or undefined when the text is valid JSON.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let pos = 0;
  const skip = () => {
    WS.lastIndex = pos;
    WS.exec(text);
    pos = WS.lastIndex;
  };
  const describe = () => (pos >= text.length ? 'the end of the text' : JSON.stringify(text[pos]));
  const fail = (expected: string): never => {
    throw { offset: pos, message: `expected ${expected} but found ${describe()}` } satisfies JsonSyntaxError;
  };
  const match = (re: RegExp): boolean => {
    re.lastIndex = pos;
    if (!re.exec(text)) return false;
    pos = re.lastIndex;
    return true;
  };
  const value = (): void => {
    skip();
    const c = text[pos];
    if (c === '{') {
      pos++;
      skip();
      if (text[pos] === '}') return void pos++;
      for (;;) {
        skip();
        if (!match(STRING)) fail('a property name in double quotes');
        skip();
        if (text[pos] !== ':') fail("':' after the property name");
        pos++;
        value();
        skip();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') return void pos++;
        else fail("',' or '}'");
      }
    }
    if (c === '[') {
      pos++;
      skip();
      if (text[pos] === ']') return void pos++;
      for (;;) {
        value();
        skip();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') return void pos++;
        else fail("',' or ']'");
      }
    }
    if (c === '"') return void (match(STRING) || fail('a valid string (closed, with valid escapes)'));
    if (match(NUMBER)) return;
    for (const literal of ['true', 'false', 'null']) if (text.startsWith(literal, pos)) return void (pos += literal.length);
    fail('a value');
  };
  try {
    value();
    skip();
    if (pos < text.length) fail('the end of the text');
    return undefined;
  } catch (error) {
    return error as JsonSyntaxError;
  }
}
