import { type FieldError, toFieldErrors } from '@rustok/kernel';
import type { ErrorObject, SchemaValidateFunction, ValidateFunction } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { type DecimalRange, decimalRangeProblem } from './decimal.js';
import { DECIMAL_PATTERN, DECIMAL_RANGE_KEYWORD, type JsonSchema } from './json-schema.js';

/**
 * Validators of entry values, one per schema version (`${schemaId}:${version}`), compiled once and
 * kept in a bounded map. All errors at once, no coercion, no defaults; paths `/values/<key>/...`.
 */

const Ajv2020 = Ajv2020Module.default;
type Ajv = InstanceType<typeof Ajv2020>;
const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
const MAX_VALIDATORS = 1_000;

const checkDecimalRange: SchemaValidateFunction = (range: DecimalRange, data: unknown): boolean => {
  const problem = typeof data === 'string' ? decimalRangeProblem(range, data) : undefined;
  checkDecimalRange.errors = problem === undefined ? [] : [{ keyword: DECIMAL_RANGE_KEYWORD, message: problem, params: { ...range } }];
  return problem === undefined;
};

const createAjv = (): Ajv => {
  const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
  addFormats(ajv);
  // As the kernel defines ids: a UUID, never the nil one.
  ajv.addFormat('uuid', (value: string) => UUID.test(value) && value !== NIL_UUID);
  // As the kernel defines currencies: an ISO 4217 code this runtime knows.
  ajv.addFormat('currency', (value: string) => CURRENCIES.has(value));
  ajv.addKeyword({ keyword: 'x-flex' });
  ajv.addKeyword({ keyword: DECIMAL_RANGE_KEYWORD, type: 'string', schemaType: 'object', errors: true, validate: checkDecimalRange });
  return ajv;
};

const ajv = createAjv();

export type ValuesValidator = (values: unknown) => FieldError[];

interface Cached {
  readonly schema: JsonSchema;
  readonly validate: ValuesValidator;
}

const cache = new Map<string, Cached>();

/** The validator of one schema version, compiled on first use (the oldest of more than 1,000 is dropped). */
export const validatorFor = (key: string, jsonSchema: JsonSchema): ValuesValidator => {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.validate;
  }
  const compiled = ajv.compile(jsonSchema);
  const validate: ValuesValidator = (values) => (compiled(values) ? [] : valueErrors(compiled, values));
  cache.set(key, { schema: jsonSchema, validate });
  evictOldest();
  return validate;
};

const evictOldest = (): void => {
  while (cache.size > MAX_VALIDATORS) {
    const [oldest] = cache;
    if (!oldest) return;
    cache.delete(oldest[0]);
    ajv.removeSchema(oldest[1].schema);
  }
};

/** How many validators are compiled (for tests and diagnostics). */
export const cachedValidators = (): number => cache.size;

const valueErrors = (compiled: ValidateFunction, values: unknown): FieldError[] => {
  const errors = readable(compiled.errors ?? []);
  const byPath = new Map<string, FieldError>();
  for (const error of toFieldErrors(errors, values, '/')) {
    const path = error.path === '/' ? '/values' : `/values${error.path}`;
    if (!byPath.has(path)) byPath.set(path, { path, message: error.message });
  }
  return [...byPath.values()];
};

/** Ajv's errors with messages a form can show: locales, decimals, ids, links; the errors on property names folded into one. */
const readable = (errors: readonly ErrorObject[]): ErrorObject[] =>
  errors
    .filter((e) => (e as ErrorObject & { propertyName?: string }).propertyName === undefined)
    .map((e) => {
      const params = e.params as Record<string, unknown>;
      if (e.keyword === 'propertyNames')
        return {
          ...e,
          instancePath: `${e.instancePath}/${pointerEscape(String(params.propertyName))}`,
          message: 'is not a locale (like en or en-US)',
        };
      if (e.keyword === 'pattern' && params.pattern === DECIMAL_PATTERN)
        return { ...e, message: 'must be a decimal number written as text (like "12.50"), at most 18 digits before the point and 9 after' };
      if (e.keyword === 'format' && params.format === 'uuid') return { ...e, message: 'must be an id (UUID)' };
      if (e.keyword === 'minProperties' && params.limit === 1) return { ...e, message: 'needs a value for at least one locale' };
      if (e.keyword === 'pattern' && params.pattern === '^https?://') return { ...e, message: 'must be an http or https URL' };
      if ((e.keyword === 'pattern' && params.pattern === '^[A-Z]{3}$') || (e.keyword === 'format' && params.format === 'currency'))
        return { ...e, message: 'must be a currency code (like EUR)' };
      return e;
    });

const pointerEscape = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');
