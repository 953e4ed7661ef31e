import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { MODEL_TYPE_NAMES, schemaFileName, schemas } from './registry';
import type { Manifest, ManifestNode, Offer, ResourceSpec, SignalPoint } from '../types';

const dir = fileURLToPath(new URL('../../schemas/', import.meta.url));

describe('schemas', () => {
  it('are valid draft 2020-12 schemas with their own $id', () => {
    const ajv = new Ajv2020({ strict: false });
    for (const name of MODEL_TYPE_NAMES) {
      const schema = schemas[name];
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(`https://schemas.accords.dev/model/${schemaFileName(name)}`);
      expect(ajv.validateSchema(schema)).toBe(true);
    }
  });

  it('are written to packages/model/schemas/ as they are (run npm run generate:schemas when this fails)', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort();
    expect(files).toEqual(MODEL_TYPE_NAMES.map(schemaFileName).sort());
    for (const name of MODEL_TYPE_NAMES) {
      const onDisk = JSON.parse(readFileSync(dir + schemaFileName(name), 'utf8')) as unknown;
      expect(onDisk, schemaFileName(name)).toEqual(schemas[name]);
    }
  });

  it('match their snapshot, so a change to the contract is always a reviewed change', () => {
    expect(schemas.Manifest).toMatchSnapshot();
    expect(schemas.Offer).toMatchSnapshot();
    expect(schemas.SignalPoint).toMatchSnapshot();
  });

  it('and the TypeScript types say the same thing', () => {
    expectTypeOf<ManifestNode['cores']>().toEqualTypeOf<number>();
    expectTypeOf<ManifestNode['architecture']>().toEqualTypeOf<'x86_64' | 'arm64' | undefined>();
    expectTypeOf<Manifest['apiVersion']>().toEqualTypeOf<'accords.dev/v1'>();
    expectTypeOf<Offer['market']>().toEqualTypeOf<'on-demand' | 'spot'>();
    expectTypeOf<SignalPoint['duration']>().toEqualTypeOf<number>();
    expectTypeOf<ResourceSpec['kind']>().toEqualTypeOf<'compute' | 'storage' | 'network'>();
    // Every required property of the schema is required in the type, and no other.
    const required = (schemas.Offer as { required: string[] }).required.sort();
    type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
    const typed: Record<RequiredKeys<Offer>, true> = {
      id: true, providerId: true, regionId: true, instanceType: true, vcpu: true, memoryGiB: true, gpus: true,
      architecture: true, pricePerHour: true, currency: true, market: true, availability: true, capacity: true, asOf: true,
    };
    expect(Object.keys(typed).sort()).toEqual(required);
  });
});
