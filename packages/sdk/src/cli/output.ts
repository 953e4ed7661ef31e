import Table from 'cli-table3';
import pc from 'picocolors';
import type { OutputMode } from './config';

// Columns separated by two spaces, no frame: easy to read, and to copy a location from.
const BORDERLESS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '',
  bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
  left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

/** Where the CLI writes, and what it knows about the terminal. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Answers a yes/no question (undefined when there is no terminal to ask). */
  confirm?: (question: string) => Promise<boolean>;
}

/** A column of a listing. */
export interface Column<T> {
  header: string;
  value: (row: T) => unknown;
  /** Right-align (numbers). */
  numeric?: boolean;
}

/** Prints results in the chosen mode: tables on a terminal, JSON or tab-separated text. */
export interface Printer {
  readonly mode: OutputMode;
  readonly colors: ReturnType<typeof pc.createColors>;
  /** A listing: a table, JSON (`json` or the rows), or one tab-separated line per row. */
  list<T>(rows: readonly T[], columns: readonly Column<T>[], json?: unknown): void;
  /** One record as name/value pairs. */
  record(pairs: readonly (readonly [string, unknown])[], json: unknown): void;
  /** A value for JSON output, or one line for the others. */
  result(json: unknown, line: string): void;
  /** A note for a human (stderr; never mixed into data). */
  note(text: string): void;
}

/**
 * Creates the printer for a mode.
 * @param options - the output mode, the streams, and whether to use colour
 * @returns a {@link Printer}
 */
export function createPrinter(options: { mode: OutputMode; io: CliIo; color: boolean }): Printer {
  const { mode, io } = options;
  const colors = pc.createColors(options.color);
  const out = (text: string): void => void io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);

  return {
    mode,
    colors,
    list(rows, columns, json) {
      if (mode === 'json') return out(JSON.stringify(json ?? rows, null, 2));
      if (mode === 'text') {
        for (const row of rows) out(columns.map((c) => plain(c.value(row))).join('\t'));
        return;
      }
      if (rows.length === 0) return void io.stderr.write(`${colors.dim('(none)')}\n`);
      const table = new Table({
        head: columns.map((c) => colors.bold(c.header)),
        style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 0 },
        colAligns: columns.map((c) => (c.numeric ? 'right' : 'left')),
        chars: BORDERLESS,
      });
      for (const row of rows) table.push(columns.map((c) => plain(c.value(row))));
      out(table.toString().split('\n').map((l) => l.trimEnd()).join('\n'));
    },
    record(pairs, json) {
      if (mode === 'json') return out(JSON.stringify(json, null, 2));
      if (mode === 'text') {
        for (const [name, value] of pairs) out(`${name}\t${plain(value)}`);
        return;
      }
      const width = Math.max(...pairs.map(([n]) => n.length), 0);
      for (const [name, value] of pairs) out(`${colors.bold(name.padEnd(width))}  ${plain(value)}`);
    },
    result(json, line) {
      if (mode === 'json') out(JSON.stringify(json, null, 2));
      else out(line);
    },
    note(text) {
      io.stderr.write(`${text}\n`);
    },
  };
}

/**
 * A value as one line of text: strings as they are, the rest as JSON, nothing for undefined.
 * @param value - any value
 * @returns its text
 */
export function plain(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
