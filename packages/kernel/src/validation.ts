import type { Static, TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { type FieldError, validationError } from './errors.js';

/** The one Ajv instance behind config, manifest, settings and event validation (the HTTP layer uses Fastify's). */
export const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false, coerceTypes: false });
const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
addFormats(ajv);

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));
/** Ids are never the nil UUID. */
ajv.addFormat('uuid', (value: string) => UUID.test(value) && value !== NIL_UUID);
/** ISO 4217 alphabetic code, upper case (`EUR`, `USD`, `RUB`). */
ajv.addFormat('currency', (value: string) => /^[A-Z]{3}$/.test(value) && CURRENCIES.has(value));

const pathOf = (error: ErrorObject, separator: string): string => {
  const parts = error.instancePath.split('/').filter(Boolean);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') parts.push(String(params.missingProperty));
  if (error.keyword === 'additionalProperties') parts.push(String(params.additionalProperty));
  return separator === '/' ? `/${parts.join('/')}` : parts.join(separator) || '(root)';
};

const messageOf = (error: ErrorObject, data: unknown, all: readonly ErrorObject[]): string => {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') return 'is not a known key';
  if (error.keyword === 'required') return 'is required';
  const got = valueAt(data, error.instancePath);
  const shown = got === undefined ? '' : ` (got ${JSON.stringify(got)?.slice(0, 80)})`;
  if (error.keyword === 'enum') return `must be one of ${(params.allowedValues as unknown[]).join(', ')}${shown}`;
  if (error.keyword === 'anyOf') {
    // Ajv only puts the schema on errors in verbose mode; the allowed values come from the branches' const errors.
    const consts = all
      .filter((e) => e.keyword === 'const' && e.instancePath === error.instancePath && e.schemaPath.startsWith(`${error.schemaPath}/`))
      .map((e) => (e.params as { allowedValue?: unknown }).allowedValue);
    if (consts.length > 0) return `must be one of ${consts.join(', ')}${shown}`;
  }
  return `${error.message ?? 'is invalid'}${shown}`;
};

const valueAt = (data: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);

/** Ajv errors as field errors; branch noise of anyOf is dropped when a summary exists for the same path. */
export const toFieldErrors = (errors: readonly ErrorObject[] | null | undefined, data: unknown, separator = '.'): FieldError[] => {
  const list = errors ?? [];
  const anyOfPaths = new Set(list.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const error of list) {
    if (error.keyword !== 'anyOf' && [...anyOfPaths].some((p) => error.schemaPath.includes('anyOf') && error.instancePath === p)) continue;
    const field = { path: pathOf(error, separator), message: messageOf(error, data, list) };
    const key = `${field.path}|${field.message}`;
    if (!seen.has(key)) out.push(field);
    seen.add(key);
  }
  return out;
};

export interface Validator<T> {
  /** Returns every problem at once (empty when valid). Applies schema defaults to `value`. */
  errors(value: unknown): FieldError[];
  /** Returns the value typed, or throws VALIDATION_FAILED listing every failing field. */
  parse(value: unknown): T;
}

export const createValidator = <S extends TSchema>(schema: S, separator = '.'): Validator<Static<S>> => {
  const validate = ajv.compile(schema);
  const errors = (value: unknown) => (validate(value) ? [] : toFieldErrors(validate.errors, value, separator));
  return {
    errors,
    parse(value) {
      const problems = errors(value);
      if (problems.length > 0) throw validationError(problems);
      return value as Static<S>;
    },
  };
};

const parsers = new WeakMap<TSchema, Validator<unknown>>();

/**
 * Checks a use-case input against its schema (REST has checked it already; GraphQL, seeds and other
 * modules calling a use-case have not), with the schema's validator compiled once. Throws
 * VALIDATION_FAILED (422) listing every failing field, paths separated by `/`.
 */
export const parseInput = <S extends TSchema>(schema: S, value: unknown): Static<S> => {
  let validator = parsers.get(schema);
  if (!validator) {
    validator = createValidator(schema, '/');
    parsers.set(schema, validator);
  }
  return validator.parse(value) as Static<S>;
};
