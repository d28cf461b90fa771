import { createHash } from 'node:crypto';
import { toFieldErrors } from '@rustok/kernel';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Tenants' declared input and output schemas, compiled in an Ajv instance of their own (never the
 * platform's: no shared `$id`s), cached by the schema's hash (at most `MAX` at once).
 */
const ajv = new Ajv({ allErrors: true, strict: false, addUsedSchema: false, validateSchema: true });
const cache = new Map<string, ValidateFunction>();
const MAX = 500;

const validatorOf = (schema: Record<string, unknown>): ValidateFunction => {
  const key = createHash('sha256').update(JSON.stringify(schema)).digest('hex');
  let validate = cache.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (cache.size >= MAX) cache.delete(cache.keys().next().value as string);
    cache.set(key, validate);
  }
  return validate;
};

/** Whether a declared schema compiles; the reason when it does not. */
export const schemaProblem = (schema: Record<string, unknown> | null | undefined): string | undefined => {
  if (!schema) return undefined;
  try {
    validatorOf(schema);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

/** The problems of a value under a declared schema (none when there is no schema). */
export const schemaErrors = (schema: Record<string, unknown> | null, value: unknown): string[] => {
  if (!schema) return [];
  const validate = validatorOf(schema);
  if (validate(value)) return [];
  return toFieldErrors(validate.errors, value, '/').map((e) => `${e.path} ${e.message}`);
};
