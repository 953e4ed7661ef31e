import type { Invoice, InvoiceLine } from '@accords/model';
import { num } from '../../jobs/sql';
import type { SqlExecutor } from '../../jobs';
import { derivedId } from '../occi/derived-id';
import type { AgreementRecord } from '../types';
import { listUsage } from './usage-records';

const cents = (x: number) => Math.round(x * 100) / 100;

/** The calendar month (UTC) containing a time: `[start, end)` in epoch ms. */
export function monthOf(t: number): { start: number; end: number } {
  const d = new Date(t);
  return { start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), end: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) };
}

/**
 * Rates an agreement's usage and penalties of a period into an invoice: one usage line per
 * resource (hours × contracted offer price), a line per penalty or credit, totals in the
 * contract's currency. Draft while the period is open.
 *
 * @param input - transaction, agreement (with its contract), period and time
 * @returns the invoice, or undefined when the agreement has no contract
 * @example
 * const invoice = await rateInvoice({ tx, agreement, period: monthOf(now), now });
 */
export async function rateInvoice(input: { tx: SqlExecutor; agreement: AgreementRecord; period: { start: number; end: number }; now: number }): Promise<Invoice | undefined> {
  const { agreement: a, period } = input;
  if (!a.contract) return undefined;
  const usage = await listUsage(input.tx, { agreementId: a.id, from: period.start, to: period.end });
  const byResource = new Map<string, { seconds: number; rate: number; node: string; offer: string; where: string }>();
  for (const u of usage) {
    const key = `${u.resourceId}|${u.pricePerHour}`;
    const cur = byResource.get(key) ?? { seconds: 0, rate: u.pricePerHour, node: u.node, offer: u.offerId, where: `${u.providerId}/${u.regionId}` };
    cur.seconds += u.seconds;
    byResource.set(key, cur);
  }
  const lines: InvoiceLine[] = [];
  for (const [key, v] of byResource) {
    const hours = Math.round((v.seconds / 3600) * 1e6) / 1e6;
    lines.push({ type: 'usage', description: `${v.node}: ${v.offer} at ${v.where}, ${v.seconds} s`, resourceId: key.split('|')[0]!, offerId: v.offer, quantity: hours, unit: 'hour', unitPrice: v.rate, amount: cents(hours * v.rate) });
  }
  const penalties = await input.tx.query(`SELECT * FROM accords_broker_penalty WHERE agreement_id = ? AND window_start >= ? AND window_start < ? ORDER BY window_start`, [a.id, period.start, period.end]);
  for (const p of penalties) {
    const amount = num(p.amount);
    const type = String(p.type) === 'credit' ? 'credit' : 'penalty';
    lines.push({ type, description: `guarantee ${String(p.guarantee)} violated (measured ${num(p.measured)})`, guarantee: String(p.guarantee), quantity: 1, unit: 'each', unitPrice: type === 'credit' ? -Math.abs(amount) : Math.abs(amount), amount: type === 'credit' ? -Math.abs(cents(amount)) : Math.abs(cents(amount)) });
  }
  const sum = (t: InvoiceLine['type'][]) => cents(lines.filter((l) => t.includes(l.type)).reduce((s, l) => s + l.amount, 0));
  const subtotal = sum(['usage', 'egress']);
  const pen = sum(['penalty']);
  const cred = sum(['credit']);
  const open = input.now < period.end;
  const invoice: Invoice = {
    id: derivedId(`invoice:${a.id}:${period.start}`), contractId: a.contract.id, periodStart: new Date(period.start).toISOString(),
    periodEnd: new Date(period.end).toISOString(), currency: a.contract.currency, lines, subtotal, penalties: pen, credits: cred,
    total: cents(subtotal + pen + cred), status: open ? 'draft' : 'issued',
  };
  if (!open) invoice.issuedAt = new Date(period.end).toISOString();
  return invoice;
}
