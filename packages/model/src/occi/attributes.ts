import type { AttributeSpec, AttributeSpecs } from '@accords/occi';
import { schemas } from '../schema/registry';
import type { JsonSchema } from '../schema/registry';
import type { OcciMapping } from './mappings';

type PropertySchema = {
  type?: string;
  enum?: string[];
  const?: string;
  format?: string;
  pattern?: string;
  description?: string;
};

/** The OCCI attribute definition of one JSON Schema property. */
export function attributeSpecOf(property: PropertySchema, options: { required: boolean; mutable: boolean }): AttributeSpec {
  const spec: AttributeSpec = { type: 'object', required: options.required, mutable: options.mutable };
  if (property.const !== undefined) Object.assign(spec, { type: 'enum', enum: [property.const] });
  else if (property.enum) Object.assign(spec, { type: 'enum', enum: [...property.enum] });
  else if (property.type === 'string') {
    spec.type = property.format === 'date-time' ? 'datetime' : property.format === 'uri' ? 'uri' : 'string';
    if (property.pattern) spec.pattern = property.pattern;
  } else if (property.type === 'number' || property.type === 'integer' || property.type === 'boolean' || property.type === 'array')
    spec.type = property.type;
  if (property.description) spec.description = property.description;
  return spec;
}

/** The properties and required list of a mapped type's schema. */
export function propertiesOf(mapping: OcciMapping): { properties: Record<string, PropertySchema>; required: Set<string> } {
  const schema = schemas[mapping.type] as JsonSchema & { properties: Record<string, PropertySchema>; required?: string[] };
  return { properties: schema.properties, required: new Set(schema.required ?? []) };
}

/** Attribute name of a property under a mapping. */
export function attributeName(mapping: OcciMapping, property: string): string {
  return mapping.rename?.[property] ?? `${mapping.prefix}.${property}`;
}

/** Properties that do not become attributes: the entity id, and the ones that are standard OCCI attributes. */
function skipped(mapping: OcciMapping, property: string): boolean {
  if (property === 'id' && mapping.idIsEntityId) return true;
  if (mapping.rename?.[property]?.startsWith('occi.')) return true;
  if (mapping.type === 'ProvisionedResource') return ['kind', 'name', 'attributes'].includes(property);
  return false;
}

/**
 * The attribute definitions of a mapped type, generated from its JSON Schema: one per top-level
 * property (the fields of a flattened property each get their own).
 */
export function attributeSpecsOf(mapping: OcciMapping): AttributeSpecs {
  const { properties, required } = propertiesOf(mapping);
  const specs: AttributeSpecs = {};
  // A manifest may arrive whole in accords.manifest.document instead of attribute by attribute.
  const alternative = mapping.type === 'Manifest';
  for (const [name, property] of Object.entries(properties)) {
    if (skipped(mapping, name)) continue;
    const options = { required: required.has(name) && !alternative, mutable: mapping.mutable };
    if (name === mapping.flatten) {
      const nested = property as { properties: Record<string, PropertySchema>; required?: string[] };
      for (const [field, sub] of Object.entries(nested.properties))
        specs[`${mapping.prefix}.${field}`] = attributeSpecOf(sub, { ...options, required: (nested.required ?? []).includes(field) });
    } else specs[attributeName(mapping, name)] = attributeSpecOf(property, options);
  }
  for (const [name, property] of Object.entries(mapping.extra ?? {}))
    specs[`${mapping.prefix}.${name}`] = attributeSpecOf(property, { required: false, mutable: false });
  return specs;
}
