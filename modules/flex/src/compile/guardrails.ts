import type { FieldError } from '@rustok/kernel';
import { flexErrors } from '../errors.js';
import type { FlexOptions } from '../options.js';
import { FIELD_TYPES, type FieldDefinition, type FieldType } from '../schemas.js';
import { patternIsSafe } from './regex-safety.js';

/**
 * The guardrails of a schema's fields, checked before it is compiled: how many fields (nested ones
 * included), how deep `object` fields nest, and whether every field's properties fit its type.
 */

const KEY = /^[a-z][a-z0-9_]{0,63}$/;
const MAX_PATTERN = 500;
const TEXTS: readonly FieldType[] = ['text', 'rich_text'];
const NUMBERS: readonly FieldType[] = ['integer', 'decimal', 'money'];
const UNIQUE_TYPES: readonly FieldType[] = ['text', 'integer', 'decimal', 'enum', 'date', 'datetime'];
const NOT_SCALAR: readonly FieldType[] = ['json', 'object', 'rich_text'];

type Problem = (prop: string, message: string) => void;

/** Counts every field and the deepest level, without recursion (a hostile nesting cannot blow the stack). */
export const measureFields = (fields: readonly FieldDefinition[]): { count: number; depth: number } => {
  let count = 0;
  let depth = 0;
  const stack: { fields: readonly FieldDefinition[]; level: number }[] = [{ fields, level: 1 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    for (const field of next.fields) {
      count += 1;
      depth = Math.max(depth, next.level);
      if (Array.isArray(field.fields)) stack.push({ fields: field.fields, level: next.level + 1 });
    }
  }
  return { count, depth };
};

/** Throws FLEX_SCHEMA_TOO_MANY_FIELDS, FLEX_SCHEMA_TOO_DEEP or FLEX_SCHEMA_INVALID (listing every problem). */
export const checkFields = (fields: readonly FieldDefinition[], options: Pick<FlexOptions, 'max_fields' | 'max_depth'>): void => {
  const { count, depth } = measureFields(fields);
  if (count > options.max_fields)
    throw flexErrors.FLEX_SCHEMA_TOO_MANY_FIELDS(
      `The schema has ${count} fields (nested ones included); at most ${options.max_fields} are allowed`,
    );
  if (depth > options.max_depth)
    throw flexErrors.FLEX_SCHEMA_TOO_DEEP(`Object fields nest ${depth} levels deep; at most ${options.max_depth} are allowed`);
  const errors = fieldErrors(fields, '/fields', true);
  if (errors.length > 0) throw flexErrors.FLEX_SCHEMA_INVALID('The schema’s fields are inconsistent', { errors });
};

/** Every problem of the fields of one level (and, through object fields, of the levels below). */
export const fieldErrors = (fields: readonly FieldDefinition[], base: string, topLevel: boolean): FieldError[] => {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  fields.forEach((field, i) => {
    const at = `${base}/${i}`;
    const problem: Problem = (prop, message) => errors.push({ path: `${at}/${prop}`, message });
    if (seen.has(field.key)) problem('key', `duplicates the key "${field.key}" of another field at this level`);
    seen.add(field.key);
    if (!FIELD_TYPES.includes(field.type)) {
      problem('type', `must be one of ${FIELD_TYPES.join(', ')}`);
      return;
    }
    checkField(field, topLevel, problem);
    if (field.type === 'object' && Array.isArray(field.fields)) errors.push(...fieldErrors(field.fields, `${at}/fields`, false));
  });
  return errors;
};

const checkField = (field: FieldDefinition, topLevel: boolean, problem: Problem): void => {
  if (typeof field.key !== 'string' || !KEY.test(field.key)) problem('key', 'must be snake_case: a-z, 0-9 and _, starting with a letter');
  checkChoices(field, problem);
  checkReference(field, problem);
  checkNested(field, problem);
  checkText(field, problem);
  checkNumbers(field, problem);
  checkItems(field, problem);
  checkUnique(field, topLevel, problem);
  checkQueryFlags(field, problem);
};

const checkChoices = (field: FieldDefinition, problem: Problem): void => {
  if (field.type !== 'enum') {
    if (field.choices !== undefined) problem('choices', 'is only for enum fields');
    return;
  }
  if (!field.choices || field.choices.length === 0) problem('choices', 'is required for an enum field (at least one choice)');
  else if (new Set(field.choices).size !== field.choices.length) problem('choices', 'must not repeat a choice');
};

const checkReference = (field: FieldDefinition, problem: Problem): void => {
  if (field.type !== 'reference') {
    if (field.to !== undefined) problem('to', 'is only for reference fields');
    if (field.schema !== undefined) problem('schema', 'is only for reference fields to flex_entry');
    return;
  }
  if (field.to === undefined) problem('to', 'is required for a reference field (product, content_node, flex_entry or user)');
  if (field.schema !== undefined && field.to !== 'flex_entry') problem('schema', 'is only for reference fields to flex_entry');
};

const checkNested = (field: FieldDefinition, problem: Problem): void => {
  if (field.type !== 'object') {
    if (field.fields !== undefined) problem('fields', 'is only for object fields');
    return;
  }
  if (!Array.isArray(field.fields) || field.fields.length === 0) problem('fields', 'is required for an object field (at least one field)');
};

const checkText = (field: FieldDefinition, problem: Problem): void => {
  if (!TEXTS.includes(field.type)) {
    if (field.minLength !== undefined) problem('minLength', 'is only for text and rich_text fields');
    if (field.maxLength !== undefined) problem('maxLength', 'is only for text and rich_text fields');
  } else if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) {
    problem('minLength', 'must not be greater than maxLength');
  }
  if (field.pattern === undefined) return;
  if (field.type !== 'text') problem('pattern', 'is only for text fields');
  else if (field.pattern.length > MAX_PATTERN) problem('pattern', `must be at most ${MAX_PATTERN} characters`);
  else if (!compiles(field.pattern)) problem('pattern', 'is not a valid regular expression (JavaScript, u flag)');
  else if (!patternIsSafe(field.pattern))
    problem(
      'pattern',
      'could take too long to match: repetitions nested or in a row over the same characters, like (a+)+, (a|aa)* or a*a*a*',
    );
};

const compiles = (pattern: string): boolean => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
};

const checkNumbers = (field: FieldDefinition, problem: Problem): void => {
  if (!NUMBERS.includes(field.type)) {
    if (field.min !== undefined) problem('min', 'is only for integer, decimal and money fields');
    if (field.max !== undefined) problem('max', 'is only for integer, decimal and money fields');
    return;
  }
  const whole = field.type !== 'decimal';
  for (const prop of ['min', 'max'] as const) {
    const bound = field[prop];
    if (bound === undefined) continue;
    if (!Number.isFinite(bound)) problem(prop, 'must be a finite number');
    else if (whole && !Number.isInteger(bound))
      problem(prop, field.type === 'money' ? 'must be a whole number of minor units' : 'must be a whole number');
  }
  if (field.min !== undefined && field.max !== undefined && field.min > field.max) problem('min', 'must not be greater than max');
};

const checkItems = (field: FieldDefinition, problem: Problem): void => {
  if (field.list !== true) {
    if (field.minItems !== undefined) problem('minItems', 'is only for list fields');
    if (field.maxItems !== undefined) problem('maxItems', 'is only for list fields');
    return;
  }
  if (field.minItems !== undefined && field.maxItems !== undefined && field.minItems > field.maxItems)
    problem('minItems', 'must not be greater than maxItems');
};

const checkUnique = (field: FieldDefinition, topLevel: boolean, problem: Problem): void => {
  if (field.unique !== true) return;
  if (!UNIQUE_TYPES.includes(field.type)) problem('unique', `is only for ${UNIQUE_TYPES.join(', ')} fields`);
  else if (field.list === true) problem('unique', 'is not for list fields');
  else if (field.localized === true) problem('unique', 'is not for localized fields');
  else if (!topLevel) problem('unique', 'is only for top-level fields');
};

const checkQueryFlags = (field: FieldDefinition, problem: Problem): void => {
  const scalar = !NOT_SCALAR.includes(field.type);
  if (field.filterable === true && !scalar) problem('filterable', 'is only for scalar fields (not json, object or rich_text)');
  if (field.sortable === true && !scalar) problem('sortable', 'is only for scalar fields (not json, object or rich_text)');
  else if (field.sortable === true && field.list === true) problem('sortable', 'is not for list fields');
  if (field.searchable === true && !TEXTS.includes(field.type)) problem('searchable', 'is only for text and rich_text fields');
};
