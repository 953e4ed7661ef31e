import type { InvoiceLine } from '@accords/model';
import type { AnyEntityData } from '@accords/occi';

/** An invoice entity as the `invoice` command shows it. */
export interface InvoiceView {
  location: string | undefined;
  title: string | undefined;
  periodStart?: string;
  periodEnd?: string;
  currency?: string;
  status?: string;
  subtotal?: number;
  penalties?: number;
  credits?: number;
  total?: number;
  lines: InvoiceLine[];
}

const asObject = (v: unknown): Record<string, unknown> | undefined => {
  if (typeof v === 'string' && v.trimStart().startsWith('{')) {
    try {
      return asObject(JSON.parse(v));
    } catch {
      return undefined;
    }
  }
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
};

const asArray = (v: unknown): unknown[] | undefined => {
  if (typeof v === 'string' && v.trimStart().startsWith('[')) {
    try {
      return asArray(JSON.parse(v));
    } catch {
      return undefined;
    }
  }
  return Array.isArray(v) ? v : undefined;
};

const isLine = (v: unknown): v is InvoiceLine => typeof asObject(v)?.type === 'string' && typeof asObject(v)?.amount === 'number';

/**
 * Reads an invoice entity: the model's attribute names (`accords.invoice.periodStart`, `.lines`,
 * `.total`, …), the snake_case ones older servers used (`accords.invoice.period_start`), and the
 * whole invoice in `accords.invoice.document` for what the attributes leave out. Text renderings
 * carry the structured values as JSON strings; they are parsed.
 * @param entity - an entity of the invoice kind
 * @returns the invoice's fields and lines
 * @example
 * invoiceView(entity).lines.filter((l) => l.type === 'usage');
 */
export function invoiceView(entity: AnyEntityData): InvoiceView {
  const attrs = entity.attributes;
  const document = asObject(attrs['accords.invoice.document']) ?? {};
  const field = (camel: string): unknown => {
    const snake = camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return attrs[`accords.invoice.${camel}`] ?? attrs[`accords.invoice.${snake}`] ?? document[camel];
  };
  const str = (name: string): string | undefined => {
    const v = field(name);
    return typeof v === 'string' ? v : undefined;
  };
  const num = (name: string): number | undefined => {
    const v = field(name);
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
    return Number.isNaN(n) ? undefined : n;
  };
  const lines = (asArray(field('lines')) ?? []).map((l) => asObject(l)).filter(isLine);
  return {
    location: entity.location,
    title: entity.title,
    periodStart: str('periodStart'),
    periodEnd: str('periodEnd'),
    currency: str('currency'),
    status: str('status'),
    subtotal: num('subtotal'),
    penalties: num('penalties'),
    credits: num('credits'),
    total: num('total'),
    lines,
  };
}

/**
 * One invoice line in words: type, description, quantity × unit price = amount.
 * @param line - the line
 * @returns e.g. `usage  web: std.2x at boreal/boreal-se-lul, 12 s  0.003333 hour × 0.0724 = 0.00`
 * @example
 * describeLine({ type: 'penalty', description: 'guarantee fast violated', quantity: 1, unit: 'each', unitPrice: 5, amount: 5 });
 */
export function describeLine(line: InvoiceLine): string {
  return `${line.type}  ${line.description}  ${line.quantity} ${line.unit} × ${line.unitPrice} = ${line.amount.toFixed(2)}`;
}
