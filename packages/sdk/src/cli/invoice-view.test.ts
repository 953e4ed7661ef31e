import { describe, expect, it } from 'vitest';
import { describeLine, invoiceView } from './invoice-view';

const line = { type: 'usage', description: 'web: std.2x at boreal/boreal-se-lul, 40 s', offerId: 'boreal-se-lul:std.2x', quantity: 0.011111, unit: 'hour', unitPrice: 0.0724, amount: 0 };
const entity = (attributes: Record<string, unknown>) => ({ id: 'i', kind: 'http://schemas.accords.dev/occi/broker#invoice', mixins: [], attributes, links: [], location: '/invoice/i', title: 'shop 2026-11' }) as Parameters<typeof invoiceView>[0];

describe('invoiceView', () => {
  it('reads the model attribute names', () => {
    const view = invoiceView(entity({ 'accords.invoice.periodStart': '2026-11-01T00:00:00.000Z', 'accords.invoice.periodEnd': '2026-12-01T00:00:00.000Z', 'accords.invoice.currency': 'EUR', 'accords.invoice.total': 5, 'accords.invoice.subtotal': 0, 'accords.invoice.penalties': 5, 'accords.invoice.status': 'draft', 'accords.invoice.lines': [line] }));
    expect(view).toMatchObject({ location: '/invoice/i', periodStart: '2026-11-01T00:00:00.000Z', currency: 'EUR', total: 5, penalties: 5, status: 'draft', lines: [line] });
  });

  it('reads snake_case names, the document, and the JSON strings of text renderings', () => {
    const view = invoiceView(entity({ 'accords.invoice.period_start': '2026-11-01T00:00:00.000Z', 'accords.invoice.total': '0.5', 'accords.invoice.lines': JSON.stringify([line, { junk: true }]), 'accords.invoice.document': JSON.stringify({ subtotal: 0.5, credits: 0, currency: 'CHF' }) }));
    expect(view).toMatchObject({ periodStart: '2026-11-01T00:00:00.000Z', total: 0.5, subtotal: 0.5, credits: 0, currency: 'CHF' });
    expect(view.lines).toEqual([line]);
  });

  it('has no lines when the server sends none or garbage', () => {
    expect(invoiceView(entity({ 'accords.invoice.lines': '[not json' })).lines).toEqual([]);
    expect(invoiceView(entity({})).lines).toEqual([]);
  });

  it('describes a line as quantity × unit price = amount', () => {
    expect(describeLine(line as Parameters<typeof describeLine>[0])).toBe('usage  web: std.2x at boreal/boreal-se-lul, 40 s  0.011111 hour × 0.0724 = 0.00');
  });
});
