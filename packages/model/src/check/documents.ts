import type { Contract, Invoice, PlacementDecision, PlacementPlan, ValidationIssue } from '../types';

const cents = (n: number) => Math.round(n * 100);

function checkDecisions(owner: { decisions: PlacementDecision[]; currency: string; pricePerHour: number }, what: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  let sum = 0;
  owner.decisions.forEach((d, i) => {
    sum += d.pricePerHour;
    if (d.currency !== owner.currency)
      issues.push({
        code: 'currency-mismatch',
        message: `Decision for "${d.node}" is priced in ${d.currency} but the ${what} is in ${owner.currency}.`,
        location: { pointer: `/decisions/${i}/currency` },
      });
  });
  if (issues.length === 0 && cents(sum) !== cents(owner.pricePerHour))
    issues.push({
      code: 'total-mismatch',
      message: `The decisions add up to ${sum.toFixed(2)} per hour, not ${owner.pricePerHour}.`,
      location: { pointer: '/pricePerHour' },
    });
  return issues;
}

/**
 * Checks a contract: every decision is priced in the contract's currency and the prices add up.
 * @param contract - a schema-valid contract.
 * @returns the issues found.
 * @example
 * ```ts
 * checkContract(contract).length === 0;
 * ```
 */
export function checkContract(contract: Contract): ValidationIssue[] {
  return checkDecisions(contract, 'contract');
}

/**
 * Checks a placement plan: every decision is priced in the plan's currency, the prices add up,
 * and no node instance is placed twice.
 * @param plan - a schema-valid plan.
 * @returns the issues found.
 * @example
 * ```ts
 * checkPlan(plan).length === 0;
 * ```
 */
export function checkPlan(plan: PlacementPlan): ValidationIssue[] {
  const issues = checkDecisions(plan, 'plan');
  const seen = new Set<string>();
  plan.decisions.forEach((d, i) => {
    const key = `${d.node}#${d.replica}`;
    if (seen.has(key))
      issues.push({ code: 'duplicate-placement', message: `Replica ${d.replica} of "${d.node}" is placed twice.`, location: { pointer: `/decisions/${i}` } });
    seen.add(key);
  });
  return issues;
}

/**
 * Checks an invoice: line amounts are quantity × unit price, the sums and total add up (to the
 * cent), credits are not positive, penalties not negative, and the period is not empty.
 * @param invoice - a schema-valid invoice.
 * @returns the issues found.
 * @example
 * ```ts
 * checkInvoice(invoice).length === 0;
 * ```
 */
export function checkInvoice(invoice: Invoice): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (code: string, pointer: string, message: string) => issues.push({ code, message, location: { pointer } });
  const sums = { subtotal: 0, penalties: 0, credits: 0 };
  invoice.lines.forEach((line, i) => {
    if (cents(line.quantity * line.unitPrice) !== cents(line.amount))
      add('line-mismatch', `/lines/${i}/amount`, `${line.quantity} × ${line.unitPrice} is not ${line.amount}.`);
    if (line.type === 'credit' && line.amount > 0) add('credit-sign', `/lines/${i}/amount`, 'A credit line must not be positive.');
    if (line.type === 'penalty' && line.amount < 0) add('penalty-sign', `/lines/${i}/amount`, 'A penalty line must not be negative.');
    const bucket = line.type === 'credit' ? 'credits' : line.type === 'penalty' ? 'penalties' : 'subtotal';
    sums[bucket] += line.amount;
  });
  for (const key of ['subtotal', 'penalties', 'credits'] as const)
    if (cents(sums[key]) !== cents(invoice[key]))
      add('total-mismatch', `/${key}`, `The ${key} lines add up to ${sums[key].toFixed(2)}, not ${invoice[key]}.`);
  if (cents(invoice.subtotal + invoice.penalties + invoice.credits) !== cents(invoice.total))
    add('total-mismatch', '/total', 'The total is not subtotal + penalties + credits.');
  if (Date.parse(invoice.periodEnd) <= Date.parse(invoice.periodStart))
    add('impossible-window', '/periodEnd', 'The period ends before it starts.');
  return issues;
}
