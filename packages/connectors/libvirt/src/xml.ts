/** One XML element: name, attributes, children and the concatenated text directly inside it. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Outcome of {@link parseXml}: the root element, or where the document went wrong. */
export type XmlParseResult = { ok: true; value: XmlElement } | { ok: false; issues: { message: string; offset: number; line: number; column: number }[] };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * Escapes text for an XML attribute value or text node.
 * @param value - Any text.
 * @returns The text with `<>&"'` escaped.
 * @example
 * ```ts
 * escapeXml('a<b'); // 'a&lt;b'
 * ```
 */
export function escapeXml(value: string): string {
  return value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

function decode(text: string, at: number): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const v = ENTITIES[ref];
    if (v === undefined) throw new XmlSyntaxError(`unknown entity ${whole}`, at);
    return v;
  });
}

class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function position(src: string, offset: number): { line: number; column: number } {
  const before = src.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ATTR = /\s+([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*("([^"]*)"|'([^']*)')/y;

/**
 * Parses the XML that libvirt prints (elements, attributes, text, comments, processing
 * instructions, CDATA). No DTDs, no external entities: this is a reader for libvirt's own output.
 * @param src - The document.
 * @returns The root element, or the problem with its offset, line and column.
 * @example
 * ```ts
 * const r = parseXml("<domain type='kvm'><name>a</name></domain>");
 * if (r.ok) r.value.children[0]?.text; // 'a'
 * ```
 */
export function parseXml(src: string): XmlParseResult {
  let i = 0;
  const skipMisc = (): void => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i]!)) i++;
      if (src.startsWith('<?', i)) {
        const end = src.indexOf('?>', i);
        if (end < 0) throw new XmlSyntaxError('unterminated processing instruction', i);
        i = end + 2;
      } else if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i);
        if (end < 0) throw new XmlSyntaxError('unterminated comment', i);
        i = end + 3;
      } else if (src.startsWith('<!DOCTYPE', i)) {
        throw new XmlSyntaxError('DOCTYPE is not accepted', i);
      } else return;
    }
  };
  const element = (): XmlElement => {
    if (src[i] !== '<') throw new XmlSyntaxError("expected '<'", i);
    i++;
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (!m) throw new XmlSyntaxError('expected an element name', i);
    const el: XmlElement = { name: m[0], attributes: {}, children: [], text: '' };
    i += m[0].length;
    for (;;) {
      ATTR.lastIndex = i;
      const a = ATTR.exec(src);
      if (!a) break;
      if (a[1]! in el.attributes) throw new XmlSyntaxError(`duplicate attribute '${a[1]}'`, i);
      el.attributes[a[1]!] = decode(a[3] ?? a[4] ?? '', i);
      i += a[0].length;
    }
    while (i < src.length && /\s/.test(src[i]!)) i++;
    if (src.startsWith('/>', i)) {
      i += 2;
      return el;
    }
    if (src[i] !== '>') throw new XmlSyntaxError(`malformed start tag <${el.name}>`, i);
    i++;
    for (;;) {
      if (i >= src.length) throw new XmlSyntaxError(`unclosed element <${el.name}>`, i);
      if (src.startsWith('</', i)) {
        const close = `</${el.name}`;
        if (!src.startsWith(close, i)) throw new XmlSyntaxError(`expected ${close}>`, i);
        i += close.length;
        while (i < src.length && /\s/.test(src[i]!)) i++;
        if (src[i] !== '>') throw new XmlSyntaxError(`malformed end tag </${el.name}>`, i);
        i++;
        if (el.children.length > 0) el.text = el.text.trim();
        return el;
      }
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i);
        if (end < 0) throw new XmlSyntaxError('unterminated comment', i);
        i = end + 3;
      } else if (src.startsWith('<![CDATA[', i)) {
        const end = src.indexOf(']]>', i);
        if (end < 0) throw new XmlSyntaxError('unterminated CDATA section', i);
        el.text += src.slice(i + 9, end);
        i = end + 3;
      } else if (src[i] === '<') {
        el.children.push(element());
      } else {
        const end = src.indexOf('<', i);
        const raw = src.slice(i, end < 0 ? src.length : end);
        el.text += decode(raw, i);
        i += raw.length;
      }
    }
  };
  try {
    skipMisc();
    const root = element();
    skipMisc();
    if (i < src.length) throw new XmlSyntaxError('content after the root element', i);
    root.text = root.text.trim();
    return { ok: true, value: root };
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    return { ok: false, issues: [{ message: error.message, offset: error.offset, ...position(src, error.offset) }] };
  }
}

/** First child element with this name (or undefined). */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** All child elements with this name. */
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** Follows a path of element names from `el`. */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let cur = el;
  for (const n of names) cur = child(cur, n);
  return cur;
}

/** Trimmed text of the element at a path (or undefined). */
export function textAt(el: XmlElement | undefined, ...names: string[]): string | undefined {
  const found = path(el, ...names);
  return found ? found.text.trim() : undefined;
}

/** Builds an element for rendering: `h('memory', { unit: 'KiB' }, '65536')`. */
export function h(name: string, attributes: Record<string, string | number | undefined> = {}, ...content: (XmlElement | string | undefined | false)[]): XmlElement {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attributes)) if (v !== undefined) attrs[k] = String(v);
  const kids = content.filter((c): c is XmlElement | string => c !== undefined && c !== false);
  return {
    name,
    attributes: attrs,
    children: kids.filter((c): c is XmlElement => typeof c !== 'string'),
    text: kids.filter((c): c is string => typeof c === 'string').join(''),
  };
}

/**
 * Renders an element tree as indented XML.
 * @param el - The root element.
 * @param indent - Indentation of the root (for nesting).
 * @returns The XML text.
 * @example
 * ```ts
 * renderXml(h('memory', { unit: 'MiB' }, '512')); // '<memory unit="MiB">512</memory>'
 * ```
 */
export function renderXml(el: XmlElement, indent = ''): string {
  const attrs = Object.entries(el.attributes)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (el.children.length === 0 && el.text === '') return `${indent}<${el.name}${attrs}/>`;
  if (el.children.length === 0) return `${indent}<${el.name}${attrs}>${escapeXml(el.text)}</${el.name}>`;
  const inner = el.children.map((c) => renderXml(c, `${indent}  `)).join('\n');
  const text = el.text ? `${indent}  ${escapeXml(el.text)}\n` : '';
  return `${indent}<${el.name}${attrs}>\n${text}${inner}\n${indent}</${el.name}>`;
}
