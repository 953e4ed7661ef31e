import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { XmlElement } from './xml';
import { escapeXml, h, parseXml, renderXml } from './xml';

const name = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
const text = fc.string({ maxLength: 20 }).filter((s) => s.trim() === s && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/.test(s));
const attrs = fc.dictionary(name, fc.string({ maxLength: 12 }).filter((s) => !/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/.test(s)), { maxKeys: 3 });
const tree: fc.Arbitrary<XmlElement> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.record({ name, attributes: attrs, children: fc.constant([] as XmlElement[]), text }),
    fc.record({ name, attributes: attrs, children: fc.array(tie('node') as fc.Arbitrary<XmlElement>, { minLength: 1, maxLength: 3 }), text: fc.constant('') }),
  ),
})).node as fc.Arbitrary<XmlElement>;

describe('parseXml / renderXml', () => {
  it('round-trips any element tree', () => {
    fc.assert(
      fc.property(tree, (t) => {
        expect(parseXml(renderXml(t))).toEqual({ ok: true, value: t });
      }),
    );
  });

  it('reads what libvirt prints: declaration, comments, single quotes, entities, CDATA', () => {
    const r = parseXml(`<?xml version="1.0"?>\n<!-- made by libvirt -->\n<domain type='kvm' id="3"><name>a&amp;b&#x41;&#66;</name><x><![CDATA[<raw>]]></x></domain>\n`);
    expect(r.ok && r.value.attributes).toEqual({ type: 'kvm', id: '3' });
    expect(r.ok && r.value.children.map((c) => c.text)).toEqual(['a&bAB', '<raw>']);
  });

  it('reports where a document is broken, with line and column', () => {
    expect(parseXml('<a>\n  <b></c>\n</a>')).toEqual({ ok: false, issues: [{ message: 'expected </b>', offset: 9, line: 2, column: 6 }] });
    expect(parseXml('<a x="1" x="2"/>')).toMatchObject({ ok: false, issues: [{ message: "duplicate attribute 'x'" }] });
    expect(parseXml('<a>&bogus;</a>')).toMatchObject({ ok: false, issues: [{ message: 'unknown entity &bogus;' }] });
    expect(parseXml('<a/><b/>')).toMatchObject({ ok: false, issues: [{ message: 'content after the root element' }] });
    expect(parseXml('<a>')).toMatchObject({ ok: false, issues: [{ message: 'unclosed element <a>' }] });
  });

  it('refuses DOCTYPE, so no entity can be declared', () => {
    expect(parseXml('<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>')).toMatchObject({ ok: false, issues: [{ message: 'DOCTYPE is not accepted' }] });
  });

  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(renderXml(h('n', { v: '"<>' }, 'a&b'))).toBe('<n v="&quot;&lt;&gt;">a&amp;b</n>');
  });
});
