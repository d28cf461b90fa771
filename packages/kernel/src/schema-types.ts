import { type Static, type StringOptions, type TNull, type TSchema, type TUnion, type TUnsafe, Type } from '@sinclair/typebox';

/** Schema building blocks shared by HTTP bodies, events, config and flex schemas. */
export const Id = (options: StringOptions = {}) => Type.String({ format: 'uuid', ...options });
export const CurrencyCode = (options: StringOptions = {}) => Type.String({ format: 'currency', minLength: 3, maxLength: 3, ...options });
export const Email = (options: StringOptions = {}) => Type.String({ format: 'email', maxLength: 254, ...options });
export const Timestamp = (options: StringOptions = {}) => Type.String({ format: 'date-time', ...options });
/** Integer amount in minor units (cents, kopecks). */
export const MinorUnits = () => Type.Integer({ minimum: -9_007_199_254_740_991, maximum: 9_007_199_254_740_991 });

const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean']);

/**
 * `T | null`. A schema of one primitive `type` becomes `type: [type, "null"]` (valid JSON Schema and
 * OpenAPI 3.1): Ajv checks it the same way, and response serialisation tells the two apart with a
 * `typeof` test instead of running a validator per value as it does for `anyOf`. Any other schema
 * becomes `anyOf: [T, null]`.
 */
export const Nullable = <T extends TSchema>(schema: T): TUnsafe<Static<T> | null> | TUnion<[T, TNull]> => {
  const type = (schema as { type?: unknown }).type;
  if (typeof type !== 'string' || !PRIMITIVES.has(type)) return Type.Union([schema, Type.Null()]);
  return Type.Unsafe<Static<T> | null>({ ...Object.fromEntries(Object.entries(schema)), type: [type, 'null'] });
};
