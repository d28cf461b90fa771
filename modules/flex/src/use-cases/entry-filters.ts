import { type FieldError, validationError } from '@rustok/kernel';
import { WHERE_PARAM } from '../schemas.js';
import { type IndexedField, indexedFieldsOf, type KeyFilter } from '../store/entry-keys.js';
import type { SchemaRow } from '../store/schema-read.js';

const MAX_FILTERS = 5;
const NUMBER = /^-?[0-9]{1,30}(\.[0-9]{1,30})?$/;

/** The `where.<key>` parameters of a list query, in order. */
export const whereParams = (query: Readonly<Record<string, unknown>>): [key: string, value: string][] =>
  Object.entries(query).flatMap(([name, value]) => {
    const key = WHERE_PARAM.exec(name)?.[1];
    return key === undefined || typeof value !== 'string' ? [] : [[key, value] as [string, string]];
  });

const problemOf = (key: string, value: string, schema: SchemaRow, indexed: IndexedField | undefined, publicOnly: boolean) => {
  const field = schema.fields.find((f) => f.key === key);
  if (!field || (publicOnly && (field.access ?? 'admin') !== 'public')) return 'is not a field of this schema';
  if (!indexed || field.filterable !== true) return 'is not a filterable field';
  if (indexed.numeric && !NUMBER.test(value)) return 'must be a number';
  if (field.type === 'boolean' && value !== 'true' && value !== 'false') return 'must be true or false';
  return undefined;
};

/**
 * The equality filters of a list: each names a filterable field of the schema's current version (a
 * public reader: a public one), its value in the field's type. Anything else is a 422 naming it.
 */
export const entryFilters = (query: Readonly<Record<string, unknown>>, schema: SchemaRow, publicOnly: boolean): KeyFilter[] => {
  const params = whereParams(query);
  const indexed = new Map(indexedFieldsOf(schema.fields).map((f) => [f.key, f]));
  const errors: FieldError[] = params.flatMap(([key, value]) => {
    const message = problemOf(key, value, schema, indexed.get(key), publicOnly);
    return message === undefined ? [] : [{ path: `/querystring/where.${key}`, message }];
  });
  if (params.length > MAX_FILTERS) errors.push({ path: '/querystring', message: `at most ${MAX_FILTERS} where.<key> filters` });
  if (errors.length > 0) throw validationError(errors);
  return params.map(([key, value]) => ({ key, value, numeric: indexed.get(key)?.numeric === true }));
};
