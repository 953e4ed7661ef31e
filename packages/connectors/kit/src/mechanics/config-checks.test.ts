import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isConnectorError } from '../errors/connector-error';
import type { ConfigIssue } from './config-checks';
import { checkNumber, checkString, escapePointerToken, invalidConfigError, isPlainObject } from './config-checks';

function issuesOf(fn: (issues: ConfigIssue[]) => void): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  fn(issues);
  return issues;
}

describe('isPlainObject', () => {
  it('accepts records only', () => {
    expect([{}, { a: 1 }].map(isPlainObject)).toEqual([true, true]);
    expect([null, [], 'x', 1, undefined].map(isPlainObject)).toEqual([false, false, false, false, false]);
  });
});

describe('checkString', () => {
  it('passes an absent optional field and flags an absent required one', () => {
    expect(issuesOf((i) => checkString(i, { value: undefined, pointer: '/a' }))).toEqual([]);
    expect(issuesOf((i) => checkString(i, { value: undefined, pointer: '/a', required: true }))).toEqual([{ pointer: '/a', message: 'is required' }]);
  });
  it('flags empty strings, non-strings and pattern mismatches', () => {
    expect(issuesOf((i) => checkString(i, { value: '', pointer: '/a' }))).toEqual([{ pointer: '/a', message: 'must be a non-empty string' }]);
    expect(issuesOf((i) => checkString(i, { value: 3, pointer: '/a' }))).toEqual([{ pointer: '/a', message: 'must be a non-empty string' }]);
    expect(issuesOf((i) => checkString(i, { value: 'fr', pointer: '/c', pattern: /^[A-Z]{2}$/ }))).toEqual([{ pointer: '/c', message: 'does not match /^[A-Z]{2}$/' }]);
    expect(issuesOf((i) => checkString(i, { value: 'FR', pointer: '/c', pattern: /^[A-Z]{2}$/ }))).toEqual([]);
  });
});

describe('checkNumber', () => {
  it('flags absent required, non-finite and too small values', () => {
    expect(issuesOf((i) => checkNumber(i, { value: undefined, pointer: '/n', required: true }))).toEqual([{ pointer: '/n', message: 'is required' }]);
    expect(issuesOf((i) => checkNumber(i, { value: Number.NaN, pointer: '/n' }))).toEqual([{ pointer: '/n', message: 'must be a number >= 0' }]);
    expect(issuesOf((i) => checkNumber(i, { value: 0.5, pointer: '/n', min: 1 }))).toEqual([{ pointer: '/n', message: 'must be a number >= 1' }]);
    expect(issuesOf((i) => checkNumber(i, { value: '1', pointer: '/n' }))).toHaveLength(1);
  });
  it('accepts every finite number at or above the bound', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (v) => {
        expect(issuesOf((i) => checkNumber(i, { value: v, pointer: '/n' }))).toEqual([]);
      }),
    );
  });
});

describe('escapePointerToken', () => {
  it('escapes ~ before /', () => {
    expect(escapePointerToken('a/b~c')).toBe('a~1b~0c');
  });
});

describe('invalidConfigError', () => {
  it('lists every issue and locates the first', () => {
    const e = invalidConfigError('demo', [
      { pointer: '/pricing/currency', message: 'is required' },
      { pointer: '', message: 'must be an object' },
    ]);
    expect(isConnectorError(e)).toBe(true);
    expect(e.kind).toBe('invalid');
    expect(e.message).toBe('invalid demo connector configuration: /pricing/currency is required; / must be an object');
    expect(e.location).toEqual({ pointer: '/pricing/currency', attribute: 'currency' });
  });
  it('refuses an empty list', () => {
    expect(() => invalidConfigError('demo', [])).toThrow(RangeError);
  });
});
