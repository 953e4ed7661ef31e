import { describe, expect, it } from 'vitest';
import { applicableSpecs, parseAttributeAssignments } from './attributes';

describe('parseAttributeAssignments', () => {
  const specs = {
    'occi.compute.cores': { type: 'integer' as const },
    'occi.compute.hostname': { type: 'string' as const },
    'occi.compute.share': { type: 'number' as const },
    'occi.compute.architecture': { type: 'enum' as const, enum: ['x86', 'x64'] },
    'x.flag': { type: 'boolean' as const },
    'x.list': { type: 'array' as const },
  };

  it('types values by the server definition', () => {
    expect(parseAttributeAssignments(['occi.compute.cores=2', 'occi.compute.hostname=123', 'occi.compute.share=0.5', 'x.flag=false', 'x.list=[1,2]', 'occi.compute.architecture=x64'], specs)).toEqual({
      'occi.compute.cores': 2,
      'occi.compute.hostname': '123',
      'occi.compute.share': 0.5,
      'x.flag': false,
      'x.list': [1, 2],
      'occi.compute.architecture': 'x64',
    });
  });

  it('guesses numbers and booleans for undeclared attributes, and takes name:=json', () => {
    expect(parseAttributeAssignments(['a.b=7', 'a.c=true', 'a.d=hello=world', 'a.e:={"k":1}', 'a.f=1.5', 'a.g='])).toEqual({ 'a.b': 7, 'a.c': true, 'a.d': 'hello=world', 'a.e': { k: 1 }, 'a.f': 1.5, 'a.g': '' });
  });

  it('names the attribute and the rule it breaks', () => {
    expect(() => parseAttributeAssignments(['occi.compute.cores=two'], specs)).toThrow('occi.compute.cores must be an integer, got "two"');
    expect(() => parseAttributeAssignments(['occi.compute.cores=1.5'], specs)).toThrow('must be an integer');
    expect(() => parseAttributeAssignments(['occi.compute.architecture=arm'], specs)).toThrow('must be one of x86, x64');
    expect(() => parseAttributeAssignments(['x.flag=yes'], specs)).toThrow('x.flag must be true or false');
    expect(() => parseAttributeAssignments(['nonsense'], specs)).toThrow('must be name=value');
    expect(() => parseAttributeAssignments(['bad name=1'], specs)).toThrow('is not an attribute name');
    expect(() => parseAttributeAssignments(['a.e:={'], specs)).toThrow('a.e must be JSON here');
  });
});

describe('applicableSpecs', () => {
  it('lets a mixin refine what the kind and its parents define', () => {
    const specs = applicableSpecs(
      [{ scheme: 's#', term: 'child', attributes: { a: { type: 'integer' } } }, { scheme: 's#', term: 'parent', attributes: { a: { type: 'string' }, b: { type: 'string' } } }],
      [{ scheme: 'm#', term: 'tpl', attributes: { b: { type: 'number' } } }],
    );
    expect(specs).toEqual({ a: { type: 'integer' }, b: { type: 'number' } });
  });
});
