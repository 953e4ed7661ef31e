import sqlite3 from 'sqlite3';

type Callback = (this: sqlite3.Statement, err: Error | null, rows?: unknown[]) => void;

/** Most statements kept prepared per connection; the least recently used is finalised beyond. */
const MAX_STATEMENTS = 256;

// Transaction control has no parameters and runs on every write request.
const CONTROL = new Set(['BEGIN TRANSACTION', 'COMMIT', 'ROLLBACK']);

/**
 * Whether a query may run on a cached prepared statement: it takes bound parameters (so no
 * earlier binding can leak into it: node-sqlite3 keeps the previous bindings when given none)
 * or is transaction control, and it runs to completion in one call (no `RETURNING` after `run`).
 */
function cacheable(sql: string, params: unknown): boolean {
  if (CONTROL.has(sql)) return true;
  return Array.isArray(params) && params.length > 0 && !/\bRETURNING\b/i.test(sql);
}

/**
 * A node-sqlite3 connection that keeps its statements prepared. node-sqlite3's `Database#all`
 * and `#run` prepare a new statement, run it and finalise it: three trips through libuv's
 * thread pool per query. Here a query with the same SQL reuses its statement: one trip.
 * Results, `this.lastID` and `this.changes` are those of the plain methods.
 */
class PreparedDatabase extends sqlite3.Database {
  // Prepared (or being prepared) statements by SQL, least recently used first.
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();

  override all(sql: string, ...rest: unknown[]): this {
    return this.cached({ method: 'all', sql, rest }) ?? super.all(sql, ...(rest as []));
  }

  override run(sql: string, ...rest: unknown[]): this {
    return this.cached({ method: 'run', sql, rest }) ?? super.run(sql, ...(rest as []));
  }

  override close(callback?: (err: Error | null) => void): void {
    const open = [...this.statements.values()];
    this.statements.clear();
    const finalized = open.map((p) => p.then((statement) => new Promise<void>((resolve) => statement.finalize(() => resolve())), () => undefined));
    void Promise.all(finalized).then(() => super.close(callback));
  }

  private cached(call: { method: 'all' | 'run'; sql: string; rest: unknown[] }): this | undefined {
    const [params, callback] = call.rest;
    if (call.rest.length !== 2 || typeof callback !== 'function' || !cacheable(call.sql, params)) return undefined;
    const reply = callback as Callback;
    this.statement(call.sql).then(
      (statement) => {
        const done = (err: Error | null, rows?: unknown[]) => {
          if (!err) return reply.call(statement, null, rows);
          // A failed statement is reset before its caller (a ROLLBACK, say) may go on.
          statement.reset(() => reply.call(statement, err));
        };
        if (call.method === 'all') statement.all(params, done);
        else statement.run(params, done);
      },
      // A statement that does not compile: node-sqlite3 drops the calls queued on it.
      (err: Error) => reply.call(undefined as unknown as sqlite3.Statement, err),
    );
    return this;
  }

  private statement(sql: string): Promise<sqlite3.Statement> {
    const found = this.statements.get(sql);
    this.statements.delete(sql);
    if (found) {
      this.statements.set(sql, found);
      return found;
    }
    if (this.statements.size >= MAX_STATEMENTS) {
      const [oldest, evicted] = this.statements.entries().next().value as [string, Promise<sqlite3.Statement>];
      this.statements.delete(oldest);
      // Finalising waits for the calls already queued on the statement.
      evicted.then((statement) => statement.finalize(), () => undefined);
    }
    const prepared = new Promise<sqlite3.Statement>((resolve, reject) => {
      const statement: sqlite3.Statement = this.prepare(sql, (err: Error | null) => {
        if (!err) return resolve(statement);
        if (this.statements.get(sql) === prepared) this.statements.delete(sql);
        reject(err);
      });
    });
    this.statements.set(sql, prepared);
    return prepared;
  }
}

/**
 * The sqlite3 module as typeorm's `driver` option takes it: `verbose()` answers the plain
 * module (typeorm calls it, and node-sqlite3's verbose mode captures a stack trace around every
 * call: a third of a request's time), and `Database` keeps statements prepared.
 */
export const sqliteDriver = Object.assign(Object.create(sqlite3) as typeof sqlite3, {
  Database: PreparedDatabase,
  verbose(): typeof sqlite3 {
    return sqliteDriver;
  },
});
