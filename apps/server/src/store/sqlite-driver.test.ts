import { describe, expect, it } from 'vitest';
import type sqlite3 from 'sqlite3';
import { sqliteDriver } from './sqlite-driver';

type Db = sqlite3.Database;

function call(db: Db, method: 'all' | 'run', sql: string, params?: unknown[]): Promise<{ rows?: unknown[]; lastID?: number; changes?: number }> {
  return new Promise((resolve, reject) => {
    const done = function (this: { lastID?: number; changes?: number }, err: Error | null, rows?: unknown[]) {
      if (err) reject(err);
      else resolve({ ...(rows ? { rows } : {}), lastID: this.lastID, changes: this.changes });
    };
    if (params === undefined) (db[method] as (sql: string, cb: typeof done) => void)(sql, done);
    else (db[method] as (sql: string, params: unknown[], cb: typeof done) => void)(sql, params, done);
  });
}

function open(): Promise<Db> {
  return new Promise((resolve, reject) => {
    const db: Db = new sqliteDriver.Database(':memory:', (err: Error | null) => (err ? reject(err) : resolve(db)));
  });
}

describe('sqliteDriver', () => {
  it('reuses prepared statements with the results, lastID and changes of the plain methods', async () => {
    const db = await open();
    await call(db, 'run', 'CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)');
    for (const name of ['a', 'b', 'c']) {
      const inserted = await call(db, 'run', 'INSERT INTO t (name) VALUES (?)', [name]);
      expect(inserted.changes).toBe(1);
      expect(inserted.lastID).toBeGreaterThan(0);
    }
    expect((await call(db, 'all', 'SELECT name FROM t WHERE id > ? ORDER BY id', [1])).rows).toEqual([{ name: 'b' }, { name: 'c' }]);
    expect((await call(db, 'all', 'SELECT name FROM t WHERE id > ? ORDER BY id', [2])).rows).toEqual([{ name: 'c' }]);
    const updated = await call(db, 'run', 'UPDATE t SET name = ? WHERE id > ?', ['z', 5]);
    expect(updated.changes).toBe(0);
    await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  });

  it('a failed statement leaves the connection usable: the transaction rolls back and nothing stays', async () => {
    const db = await open();
    await call(db, 'run', 'CREATE TABLE t (name TEXT UNIQUE)');
    await call(db, 'run', 'INSERT INTO t (name) VALUES (?)', ['a']);
    await call(db, 'all', 'BEGIN TRANSACTION');
    await call(db, 'run', 'INSERT INTO t (name) VALUES (?)', ['b']);
    await expect(call(db, 'run', 'INSERT INTO t (name) VALUES (?)', ['a'])).rejects.toThrow(/UNIQUE/);
    await call(db, 'all', 'ROLLBACK');
    expect((await call(db, 'all', 'SELECT name FROM t WHERE name <> ?', [''])).rows).toEqual([{ name: 'a' }]);
    await expect(call(db, 'all', 'SELECT nope FROM t WHERE name = ?', ['a'])).rejects.toThrow(/no such column/);
    await expect(call(db, 'all', 'SELECT nope FROM t WHERE name = ?', ['a'])).rejects.toThrow(/no such column/);
    await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  });

  it('keeps answering correctly past the statement cache size, and closes with statements cached', async () => {
    const db = await open();
    await call(db, 'run', 'CREATE TABLE t (n INTEGER)');
    await call(db, 'run', 'INSERT INTO t (n) VALUES (?)', [7]);
    const answers = await Promise.all(Array.from({ length: 600 }, (_, i) => call(db, 'all', `SELECT n + ${i} AS v FROM t WHERE n = ?`, [7])));
    expect(answers.map((a) => (a.rows as Array<{ v: number }>)[0]!.v)).toEqual(Array.from({ length: 600 }, (_, i) => 7 + i));
    await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
  });
});
