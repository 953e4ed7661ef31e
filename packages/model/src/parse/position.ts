/** A 1-based line and column. */
export interface LineColumn {
  line: number;
  column: number;
}

/**
 * Converts a character offset in a text to a 1-based line and column.
 * @param text - the source text.
 * @param offset - 0-based offset (clamped to the text).
 * @returns line and column.
 */
export function lineColumnAt(text: string, offset: number): LineColumn {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * Splits a JSON pointer into its unescaped segments.
 * @param pointer - RFC 6901 pointer, e.g. `/nodes/0/name`.
 * @returns the segments, e.g. `['nodes', '0', 'name']`.
 */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
