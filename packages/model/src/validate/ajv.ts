import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { schemas } from '../schema/registry';
import type { ModelTypeName } from '../schema/registry';

let ajv: Ajv2020 | undefined;
const compiled = new Map<ModelTypeName, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv) {
    // verbose: errors carry the failing schema and data, which the messages quote.
    ajv = new Ajv2020({ allErrors: true, verbose: true, discriminator: true, strictTypes: false });
    addFormats(ajv, ['date-time', 'uri']);
  }
  return ajv;
}

/**
 * The compiled validator of a model type, compiled on first use and kept.
 * @param name - a model type with a published schema.
 * @returns the ajv validate function.
 */
export function validatorFor(name: ModelTypeName): ValidateFunction {
  let fn = compiled.get(name);
  if (!fn) {
    fn = instance().compile(schemas[name]);
    compiled.set(name, fn);
  }
  return fn;
}
