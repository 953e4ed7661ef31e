import { describe, expect, it } from 'vitest';
import { AccordsError } from '@accords/occi';
import { parseDatabaseUrl } from './database-url';

describe('parseDatabaseUrl', () => {
  it('reads sqlite files and memory', () => {
    expect(parseDatabaseUrl('sqlite:./data/accords.sqlite')).toEqual({ type: 'sqlite', file: './data/accords.sqlite' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ type: 'sqlite', file: ':memory:' });
  });
  it('reads PostgreSQL URLs and an optional schema', () => {
    expect(parseDatabaseUrl('postgres://u:p@h:5432/db')).toEqual({ type: 'postgres', url: 'postgres://u:p@h:5432/db' });
    expect(parseDatabaseUrl('postgresql://h/db?schema=t_1&sslmode=disable')).toEqual({ type: 'postgres', url: 'postgresql://h/db?sslmode=disable', schema: 't_1' });
  });
  it('refuses anything else, naming the variable and hiding credentials', () => {
    for (const bad of ['mysql://x', 'sqlite:', 'postgres://h/db?schema=Bad-Name', '']) {
      const error = (() => {
        try {
          parseDatabaseUrl(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AccordsError);
      expect((error as AccordsError).location).toEqual({ attribute: 'ACCORDS_DATABASE_URL' });
    }
    expect(() => parseDatabaseUrl('postgres://user:secret@h/db?schema=A')).toThrow(/\*\*\*@h/);
  });
});
