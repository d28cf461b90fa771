import type { FieldDefinition } from '../schemas.js';
import { decimalBound } from './decimal.js';

/**
 * The JSON Schema 2020-12 document of a schema version's values. One document serves the validator,
 * the admin's form and the docs: each property carries its label (`title`), `description` and an
 * `x-flex` annotation with what JSON Schema cannot say (type, access, filter/sort/search, reference target).
 */

export type JsonSchema = Record<string, unknown>;

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';
/** Exact decimals travel as text: up to 18 digits before the point, 9 after. */
export const DECIMAL_PATTERN = '^-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,9})?$';
export const LOCALE_PATTERN = '^[a-z]{2}(-[A-Z]{2})?$';
export const CURRENCY_PATTERN = '^[A-Z]{3}$';
export const FILE_PATTERN = '^https?://';
/** The keyword checking a decimal's bounds exactly (declared on the validator's Ajv). */
export const DECIMAL_RANGE_KEYWORD = 'x-flex-decimal';

const TEXT_MAX_LENGTH = 10_000;
const RICH_TEXT_MAX_LENGTH = 100_000;
const FILE_MAX_LENGTH = 2_048;
const LIST_MAX_ITEMS = 1_000;
const SAFE = Number.MAX_SAFE_INTEGER;

/** The document of the values object of the given fields. */
export const toJsonSchema = (fields: readonly FieldDefinition[]): JsonSchema => ({
  $schema: JSON_SCHEMA_DIALECT,
  ...objectSchema(fields),
});

const objectSchema = (fields: readonly FieldDefinition[]): JsonSchema => {
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) properties[field.key] = propertySchema(field);
  const required = fields.filter((f) => f.required === true).map((f) => f.key);
  return { type: 'object', properties, required, additionalProperties: false };
};

/** A field's property: its value, in a list if `list`, in a map by locale if `localized`, annotated. */
const propertySchema = (field: FieldDefinition): JsonSchema => {
  let schema = valueSchema(field);
  if (field.list === true) schema = listSchema(field, schema);
  if (field.localized === true) schema = localizedSchema(field, schema);
  return { ...annotations(field), ...schema };
};

const listSchema = (field: FieldDefinition, items: JsonSchema): JsonSchema => ({
  type: 'array',
  items,
  ...(field.minItems === undefined ? {} : { minItems: field.minItems }),
  maxItems: field.maxItems ?? LIST_MAX_ITEMS,
});

const localizedSchema = (field: FieldDefinition, value: JsonSchema): JsonSchema => ({
  type: 'object',
  propertyNames: { pattern: LOCALE_PATTERN },
  additionalProperties: value,
  ...(field.required === true ? { minProperties: 1 } : {}),
});

const annotations = (field: FieldDefinition): JsonSchema => {
  const flex: Record<string, unknown> = { type: field.type, access: field.access ?? 'admin' };
  for (const key of ['filterable', 'sortable', 'searchable', 'to', 'schema', 'unique'] as const) {
    if (field[key] !== undefined) flex[key] = field[key];
  }
  return {
    ...(field.label === undefined ? {} : { title: field.label }),
    ...(field.description === undefined ? {} : { description: field.description }),
    'x-flex': flex,
  };
};

/** One value of the field's type (before `list` and `localized` wrap it). */
export const valueSchema = (field: FieldDefinition): JsonSchema => {
  switch (field.type) {
    case 'text':
      return textSchema(field, TEXT_MAX_LENGTH);
    case 'rich_text':
      return { ...textSchema(field, RICH_TEXT_MAX_LENGTH), contentMediaType: 'text/html' };
    case 'integer':
      return { type: 'integer', ...integerBounds(field) };
    case 'decimal':
      return decimalSchema(field);
    case 'money':
      return moneySchema(field);
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'enum':
      return { type: 'string', enum: [...(field.choices ?? [])] };
    case 'reference':
      return { type: 'string', format: 'uuid' };
    case 'file':
      return { type: 'string', format: 'uri', pattern: FILE_PATTERN, maxLength: FILE_MAX_LENGTH };
    case 'json':
      return {};
    case 'object':
      return objectSchema(field.fields ?? []);
  }
};

const textSchema = (field: FieldDefinition, defaultMax: number): JsonSchema => ({
  type: 'string',
  ...(field.minLength === undefined ? {} : { minLength: field.minLength }),
  maxLength: field.maxLength ?? defaultMax,
  ...(field.pattern === undefined ? {} : { pattern: field.pattern }),
});

const integerBounds = (field: FieldDefinition): JsonSchema => ({
  minimum: Math.max(field.min ?? -SAFE, -SAFE),
  maximum: Math.min(field.max ?? SAFE, SAFE),
});

const decimalSchema = (field: FieldDefinition): JsonSchema => {
  const range: Record<string, string> = {};
  if (field.min !== undefined) range.minimum = decimalBound(field.min);
  if (field.max !== undefined) range.maximum = decimalBound(field.max);
  return {
    type: 'string',
    pattern: DECIMAL_PATTERN,
    ...(Object.keys(range).length === 0 ? {} : { [DECIMAL_RANGE_KEYWORD]: range }),
  };
};

const moneySchema = (field: FieldDefinition): JsonSchema => ({
  type: 'object',
  properties: {
    amount: { type: 'integer', description: 'In minor units (cents)', ...integerBounds(field) },
    currencyCode: { type: 'string', pattern: CURRENCY_PATTERN, format: 'currency', description: 'ISO 4217 code' },
  },
  required: ['amount', 'currencyCode'],
  additionalProperties: false,
});
