import { describe, expect, it } from 'vitest';
import { readErrorBody } from './error-body';

describe('readErrorBody', () => {
  it('reads the JSON form { error: { code, message, location, issues } }', () => {
    const body = JSON.stringify({ error: { name: 'OcciError', code: 'missing_attribute', status: 400, message: 'occi.storage.size is required', location: { attribute: 'occi.storage.size' }, issues: [{ code: 'missing_attribute', message: 'occi.storage.size is required', location: { pointer: '/attributes' } }] } });
    expect(readErrorBody({ contentType: 'application/occi+json; charset=utf-8', body })).toEqual({
      code: 'missing_attribute',
      message: 'occi.storage.size is required',
      location: { attribute: 'occi.storage.size' },
      issues: [{ code: 'missing_attribute', message: 'occi.storage.size is required', location: { pointer: '/attributes' } }],
    });
  });

  it('reads the structured text form with its location', () => {
    const body = 'error: parse_error\nstatus: 400\nmessage: expected ";" after the term\nline: 2\ncolumn: 14\nheader: Category\nissue: another one\n';
    expect(readErrorBody({ contentType: 'text/plain; charset=utf-8', body })).toEqual({
      code: 'parse_error',
      message: 'expected ";" after the term',
      location: { line: 2, column: 14, header: 'Category' },
      issues: [{ code: 'parse_error', message: 'another one' }],
    });
  });

  it('takes a bare text body as the message, and ignores HTML error pages', () => {
    expect(readErrorBody({ contentType: 'text/plain', body: 'no entity at /compute/9\n' })).toEqual({ message: 'no entity at /compute/9' });
    expect(readErrorBody({ contentType: 'text/plain', body: 'X-OCCI-Error: quota exceeded' })).toEqual({ message: 'quota exceeded' });
    expect(readErrorBody({ contentType: 'text/html', body: '<!DOCTYPE html><p>Bad gateway</p>' })).toEqual({});
    expect(readErrorBody({ contentType: null, body: '   ' })).toEqual({});
  });

  it('falls back to text when a JSON content type carries no JSON', () => {
    expect(readErrorBody({ contentType: 'application/json', body: 'oops' })).toEqual({ message: 'oops' });
  });
});
