import { Type } from '@sinclair/typebox';
import type { SchemaOptions, TUnsafe } from '@sinclair/typebox';

/**
 * A string enumeration rendered as `{ type: 'string', enum: [...] }`, which gives ajv one clear
 * error ("must be one of ...") instead of one error per `anyOf` branch.
 */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: SchemaOptions = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ ...options, type: 'string', enum: [...values] });
}

/** An identifier: letters, digits and `._:-`, 1–128 characters, starting with a letter or digit. */
export const Id = (description = 'Identifier.') =>
  Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$', description });

/** A node, service, group or guarantee name inside a manifest: lower-case DNS label. */
export const Name = (description = 'Name (lower-case letters, digits and hyphens).') =>
  Type.String({ pattern: '^[a-z][a-z0-9-]{0,62}$', description });

/** An RFC 3339 timestamp. */
export const Timestamp = (description = 'RFC 3339 date-time, e.g. 2026-01-31T12:00:00Z.') =>
  Type.String({ format: 'date-time', description });

/** An ISO 4217 currency code. */
export const Currency = (description = 'ISO 4217 currency code, e.g. EUR.') =>
  Type.String({ pattern: '^[A-Z]{3}$', description });

/** An ISO 3166-1 alpha-2 country code. */
export const CountryCode = (description = 'ISO 3166-1 alpha-2 country code, e.g. DE.') =>
  Type.String({ pattern: '^[A-Z]{2}$', description });

/** A non-negative amount of money, in the currency given beside it. */
export const Money = (description: string) => Type.Number({ minimum: 0, description });

/** An ISO 8601 duration such as `PT1H` or `P30D` (no years or months: their length varies). */
export const IsoDuration = (description = 'ISO 8601 duration, e.g. PT1H, P30D, P1W.') =>
  Type.String({
    pattern: '^P(?!$)(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$',
    description,
  });

/** Free-form labels: short keys and string values. */
export const Labels = () =>
  Type.Record(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]{0,62}$' }), Type.String({ maxLength: 256 }), {
    additionalProperties: false,
    description: 'Free-form labels (key → value).',
  });

/** Geographic coordinates in decimal degrees (WGS 84). */
export const Coordinates = () =>
  Type.Object(
    {
      lat: Type.Number({ minimum: -90, maximum: 90, description: 'Latitude in decimal degrees.' }),
      lon: Type.Number({ minimum: -180, maximum: 180, description: 'Longitude in decimal degrees.' }),
    },
    { additionalProperties: false, description: 'WGS 84 coordinates.' },
  );

/** Shorthand for a closed object (no unknown properties). */
export const Closed: { additionalProperties: false } = { additionalProperties: false };
