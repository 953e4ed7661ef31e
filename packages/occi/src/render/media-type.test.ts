import { describe, expect, it } from 'vitest';
import { negotiate, parseContentType } from './media-type';

describe('negotiate', () => {
  it('gives text/plain without an Accept header, with an empty one, or with */*', () => {
    expect(negotiate(undefined)).toBe('text/plain');
    expect(negotiate('')).toBe('text/plain');
    expect(negotiate('*/*')).toBe('text/plain');
  });

  it('honours q-values, wildcards and specificity', () => {
    expect(negotiate('application/occi+json')).toBe('application/occi+json');
    expect(negotiate('text/occi;q=0.4, application/occi+json;q=0.9')).toBe('application/occi+json');
    expect(negotiate('text/*')).toBe('text/plain');
    expect(negotiate('text/*;q=0.5, application/json')).toBe('application/json');
    expect(negotiate('text/plain;q=0, text/*')).toBe('text/occi');
    expect(negotiate('APPLICATION/OCCI+JSON; charset=utf-8')).toBe('application/occi+json');
    expect(negotiate('*/*;q=0.1, text/uri-list')).toBe('text/uri-list');
  });

  it('returns undefined when nothing offered is acceptable (406)', () => {
    expect(negotiate('text/html')).toBeUndefined();
    expect(negotiate('application/json', ['text/plain', 'text/occi'])).toBeUndefined();
    expect(negotiate('garbage')).toBeUndefined();
  });

  it('respects the offered list', () => {
    expect(negotiate(undefined, ['application/occi+json'])).toBe('application/occi+json');
    expect(negotiate('*/*', ['text/uri-list', 'text/occi'])).toBe('text/uri-list');
  });
});

describe('parseContentType', () => {
  it('ignores parameters and case, and takes the first known type of a list', () => {
    expect(parseContentType('text/occi')).toBe('text/occi');
    expect(parseContentType('Text/Plain; charset=UTF-8')).toBe('text/plain');
    expect(parseContentType('text/plain,text/occi')).toBe('text/plain');
    expect(parseContentType('text/html, application/occi+json')).toBe('application/occi+json');
    expect(parseContentType(['text/html', 'text/occi'])).toBe('text/occi');
    expect(parseContentType('text/occi+plain')).toBe('text/plain');
    expect(parseContentType('text/html')).toBeUndefined();
    expect(parseContentType(undefined)).toBeUndefined();
  });
});
