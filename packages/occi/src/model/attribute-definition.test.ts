import { describe, expect, it } from 'vitest';
import { AttributeDefinition, isAttributeName } from './attribute-definition';

describe('AttributeDefinition', () => {
  it('defaults to mutable and optional', () => {
    const d = new AttributeDefinition({ name: 'a.b', type: 'string' });
    expect(d.mutable).toBe(true);
    expect(d.required).toBe(false);
    expect(d.toSpec()).toEqual({ type: 'string', mutable: true, required: false });
  });

  it.each([
    ['string', 'x', 1],
    ['number', 1.5, '1.5'],
    ['integer', 2, 2.5],
    ['boolean', false, 'false'],
    ['array', [1], {}],
    ['object', { a: 1 }, [1]],
    ['uri', '/compute/1', 'has space'],
    ['datetime', '2024-05-01T10:00:00Z', 'yesterday'],
  ] as const)('type %s accepts %j and rejects %j, naming attribute and rule', (type, good, bad) => {
    const d = new AttributeDefinition({ name: 'x.y', type });
    expect(d.validate(good)).toEqual([]);
    const issues = d.validate(bad);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'invalid_attribute', location: { attribute: 'x.y' } });
    expect(issues[0]!.message).toMatch(/^x\.y: .*\((type|type uri|type datetime)\)/);
  });

  it('checks enums and patterns', () => {
    const arch = new AttributeDefinition({ name: 'occi.compute.architecture', type: 'enum', enum: ['x86', 'x64'] });
    expect(arch.validate('x64')).toEqual([]);
    expect(arch.validate('arm')[0]!.message).toContain('(enum)');
    const mac = new AttributeDefinition({ name: 'm', type: 'string', pattern: '^[0-9a-f:]+$' });
    expect(mac.validate('00:aa')).toEqual([]);
    expect(mac.validate('zz')[0]!.message).toContain('(pattern)');
    const broken = new AttributeDefinition({ name: 'b', type: 'string', pattern: '(' });
    expect(broken.validate('x')[0]!.message).toContain('invalid pattern');
  });

  it('treats null as absent unless required', () => {
    expect(new AttributeDefinition({ name: 'a', type: 'number' }).validate(null)).toEqual([]);
    expect(new AttributeDefinition({ name: 'a', type: 'number', required: true }).validate(null)).toHaveLength(1);
  });

  it('knows attribute names', () => {
    expect(isAttributeName('occi.compute.cores')).toBe(true);
    expect(isAttributeName('method')).toBe(true);
    expect(isAttributeName('a..b')).toBe(false);
    expect(isAttributeName('a b')).toBe(false);
  });
});
