import { describe, expect, it } from 'vitest';
import { checkContract, checkInvoice, checkPlan } from './documents';
import type { Contract, Invoice } from '../types';

const scores = { price: 1, carbon: 1, latency: 1, heatReuse: 0, availability: 1, total: 0.8 };
const decision = (node: string, price: number, currency = 'EUR') => ({
  node, replica: 0, offerId: 'o', providerId: 'p', regionId: 'r', pricePerHour: price, currency, scores, reason: 'cheapest',
});

describe('checkContract', () => {
  const contract: Contract = {
    id: 'c', agreementId: 'a', manifestId: 'm', decisions: [decision('web', 0.1), decision('db', 0.25)], pricePerHour: 0.35,
    currency: 'EUR', guarantees: [], effectiveFrom: '2026-01-01T00:00:00Z', acceptedAt: '2026-01-01T00:00:00Z',
  };
  it('accepts a consistent contract', () => expect(checkContract(contract)).toEqual([]));
  it('reports a decision in another currency, and a total that does not add up', () => {
    expect(checkContract({ ...contract, decisions: [decision('web', 0.1, 'USD')] })[0]).toMatchObject({ code: 'currency-mismatch', location: { pointer: '/decisions/0/currency' } });
    expect(checkContract({ ...contract, pricePerHour: 0.4 })[0]).toMatchObject({ code: 'total-mismatch', location: { pointer: '/pricePerHour' } });
  });
});

describe('checkInvoice', () => {
  const invoice: Invoice = {
    id: 'i', contractId: 'c', periodStart: '2026-01-01T00:00:00Z', periodEnd: '2026-02-01T00:00:00Z', currency: 'EUR',
    lines: [
      { type: 'usage', description: 'web', quantity: 744, unit: 'hour', unitPrice: 0.1, amount: 74.4 },
      { type: 'egress', description: 'traffic', quantity: 100, unit: 'GB', unitPrice: 0.01, amount: 1 },
      { type: 'credit', description: 'SLA', quantity: 1, unit: 'each', unitPrice: -7.54, amount: -7.54 },
    ],
    subtotal: 75.4, penalties: 0, credits: -7.54, total: 67.86, status: 'issued',
  };
  it('accepts a consistent invoice', () => expect(checkInvoice(invoice)).toEqual([]));
  it('reports lines, sums and signs that are wrong, and an empty period', () => {
    const bad = structuredClone(invoice);
    bad.lines[0]!.amount = 75;
    bad.lines[2]!.amount = 7.54;
    bad.lines[2]!.unitPrice = 7.54;
    bad.periodEnd = bad.periodStart;
    expect(checkInvoice(bad).map((i) => [i.code, i.location.pointer])).toEqual([
      ['line-mismatch', '/lines/0/amount'],
      ['credit-sign', '/lines/2/amount'],
      ['total-mismatch', '/subtotal'],
      ['total-mismatch', '/credits'],
      ['impossible-window', '/periodEnd'],
    ]);
  });
});

describe('checkPlan', () => {
  it('reports mixed currencies, wrong totals and a replica placed twice', () => {
    const plan = { manifest: 'm', decisions: [decision('web', 0.1), decision('web', 0.1)], unplaced: [], pricePerHour: 0.2, currency: 'EUR', createdAt: '2026-01-01T00:00:00Z' };
    expect(checkPlan(plan).map((i) => [i.code, i.location.pointer])).toEqual([['duplicate-placement', '/decisions/1']]);
    plan.decisions[1] = { ...decision('db', 0.1, 'USD') };
    expect(checkPlan(plan).map((i) => i.code)).toEqual(['currency-mismatch']);
  });
});
