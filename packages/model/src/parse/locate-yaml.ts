import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import { pointerSegments } from './position';

/**
 * Finds where the value a JSON pointer designates starts in a parsed YAML document: the key of
 * the last segment when it names a mapping member, the item for a sequence index, and the
 * deepest existing node when the pointer goes past what exists.
 * @param doc - a document from `parseDocument` (source ranges kept).
 * @param pointer - RFC 6901 pointer.
 * @returns 0-based offset in the YAML text.
 */
export function locateYaml(doc: Document, pointer: string): number {
  let node: Node | null = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  const segments = pointerSegments(pointer);
  for (let i = 0; i < segments.length && node; i++) {
    const segment = segments[i]!;
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === segment);
      if (!pair) return offset;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (last && key?.range) return key.range[0];
      node = value;
      offset = value?.range?.[0] ?? key?.range?.[0] ?? offset;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) return offset;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else return offset;
  }
  return offset;
}
