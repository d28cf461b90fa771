import { renderBody } from '@rustok/content/contracts';
import type { FieldDefinition, ReferenceTarget } from '../schemas.js';

/**
 * What the layers above need from validated values: a copy with rich text made safe, the references
 * to check, the values that must be unique, and what the storefront may see. Each walks the fields,
 * through lists, localized maps and objects; a value not of the expected shape is left alone.
 */

export type Values = Record<string, unknown>;

export interface ValueReference {
  readonly path: string;
  readonly to: ReferenceTarget;
  readonly schema?: string;
  readonly id: string;
}

export interface UniqueValue {
  readonly key: string;
  readonly value: string | number;
}

/** Rich text as safe HTML (no scripts, event handlers or javascript: links): content's sanitising, the one the platform renders bodies with. */
export const sanitizeRichText = (html: string): string => renderBody(html, 'html');

const isRecord = (value: unknown): value is Values => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Applies `leaf` to each single value of the field (inside its localized map and list), keeping the shape. */
const mapField = (field: FieldDefinition, value: unknown, leaf: (v: unknown) => unknown): unknown => {
  const mapList = (v: unknown) => (field.list === true && Array.isArray(v) ? v.map(leaf) : field.list === true ? v : leaf(v));
  if (field.localized !== true) return mapList(value);
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([locale, v]) => [locale, mapList(v)]));
};

/** Calls `leaf` with each single value of the field and its path. */
const eachValue = (field: FieldDefinition, value: unknown, path: string, leaf: (v: unknown, path: string) => void): void => {
  const eachList = (v: unknown, at: string) => {
    if (field.list !== true) leaf(v, at);
    else if (Array.isArray(v))
      v.forEach((item, i) => {
        leaf(item, `${at}/${i}`);
      });
  };
  if (field.localized !== true) eachList(value, path);
  else if (isRecord(value)) for (const [locale, v] of Object.entries(value)) eachList(v, `${path}/${locale}`);
};

/** A deep copy of the values in which every rich text is sanitised HTML (call after validation). */
export const prepareValues = (fields: readonly FieldDefinition[], values: Values): Values => {
  const copy: Values = structuredClone(values);
  for (const field of fields) {
    if (!Object.hasOwn(copy, field.key) || !needsPreparing(field)) continue;
    copy[field.key] = mapField(field, copy[field.key], (v) => prepareValue(field, v));
  }
  return copy;
};

const needsPreparing = (field: FieldDefinition): boolean =>
  field.type === 'rich_text' || (field.type === 'object' && (field.fields ?? []).some(needsPreparing));

const prepareValue = (field: FieldDefinition, value: unknown): unknown => {
  if (field.type === 'rich_text') return typeof value === 'string' ? sanitizeRichText(value) : value;
  return isRecord(value) ? prepareValues(field.fields ?? [], value) : value;
};

/** Every reference given, with its path (`/values/...`), target, schema (flex_entry) and id. */
export const referencesOf = (fields: readonly FieldDefinition[], values: Values, base = '/values'): ValueReference[] => {
  const found: ValueReference[] = [];
  for (const field of fields) {
    if (!Object.hasOwn(values, field.key)) continue;
    eachValue(field, values[field.key], `${base}/${field.key}`, (value, path) => {
      if (field.type === 'reference' && typeof value === 'string' && field.to !== undefined)
        found.push({ path, to: field.to, ...(field.schema === undefined ? {} : { schema: field.schema }), id: value });
      else if (field.type === 'object' && isRecord(value)) found.push(...referencesOf(field.fields ?? [], value, path));
    });
  }
  return found;
};

/** The top-level unique fields that have a value. */
export const uniqueValuesOf = (fields: readonly FieldDefinition[], values: Values): UniqueValue[] =>
  fields.flatMap((field) => {
    const value = Object.hasOwn(values, field.key) ? values[field.key] : undefined;
    if (field.unique !== true || (typeof value !== 'string' && typeof value !== 'number')) return [];
    return [{ key: field.key, value }];
  });

/** Only the top-level values of fields with access 'public' (what the storefront may see). */
export const publicValues = (fields: readonly FieldDefinition[], values: Values): Values => {
  const shown: Values = {};
  for (const field of fields) if (field.access === 'public' && Object.hasOwn(values, field.key)) shown[field.key] = values[field.key];
  return shown;
};
