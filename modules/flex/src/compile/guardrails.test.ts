import { catchAppError } from '@rustok/testing';
import { describe, expect, it } from 'vitest';
import type { FlexOptions } from '../options.js';
import type { FieldDefinition } from '../schemas.js';
import { compileSchema } from './index.js';

const OPTIONS: FlexOptions = { max_schemas: 100, max_fields: 50, max_depth: 3, max_entry_bytes: 262_144, schema_changes_per_minute: 30 };

/** The FieldErrors of the FLEX_SCHEMA_INVALID the fields are refused with. */
const invalid = (fields: readonly unknown[], options = OPTIONS) => {
  const error = catchAppError(() => compileSchema(fields as FieldDefinition[], options));
  expect(error.code).toBe('FLEX_SCHEMA_INVALID');
  expect(error.status).toBe(422);
  return error.errors;
};

const paths = (fields: readonly unknown[]) => invalid(fields).map((e) => e.path);

const nest = (levels: number): FieldDefinition => {
  let field: FieldDefinition = { key: 'leaf', type: 'text' };
  for (let i = 1; i < levels; i++) field = { key: `level_${i}`, type: 'object', fields: [field] };
  return field;
};

describe('compileSchema guardrails', () => {
  it('allows zero fields', () => {
    expect(compileSchema([], OPTIONS)).toMatchObject({ type: 'object', properties: {}, required: [] });
  });

  it('counts nested fields against max_fields', () => {
    const fields: FieldDefinition[] = [
      { key: 'a', type: 'text' },
      { key: 'b', type: 'object', fields: [{ key: 'c', type: 'text' }] },
    ];
    expect(() => compileSchema(fields, { ...OPTIONS, max_fields: 3 })).not.toThrow();
    const error = catchAppError(() => compileSchema(fields, { ...OPTIONS, max_fields: 2 }));
    expect(error.code).toBe('FLEX_SCHEMA_TOO_MANY_FIELDS');
    expect(error.status).toBe(422);
  });

  it('refuses object fields nested deeper than max_depth (a top field is depth 1)', () => {
    expect(() => compileSchema([nest(3)], OPTIONS)).not.toThrow();
    expect(catchAppError(() => compileSchema([nest(4)], OPTIONS)).code).toBe('FLEX_SCHEMA_TOO_DEEP');
    expect(catchAppError(() => compileSchema([nest(2)], { ...OPTIONS, max_depth: 1 })).code).toBe('FLEX_SCHEMA_TOO_DEEP');
  });

  it('measures a hostile nesting without recursion', () => {
    const error = catchAppError(() => compileSchema([nest(20_000)], { ...OPTIONS, max_fields: 500 }));
    expect(error.code).toBe('FLEX_SCHEMA_TOO_MANY_FIELDS');
    expect(catchAppError(() => compileSchema([nest(400)], { ...OPTIONS, max_fields: 500 })).code).toBe('FLEX_SCHEMA_TOO_DEEP');
  });

  it('refuses duplicate keys at one level, also nested, but not across levels', () => {
    expect(
      paths([
        { key: 'a', type: 'text' },
        { key: 'a', type: 'integer' },
      ]),
    ).toEqual(['/fields/1/key']);
    expect(
      paths([
        {
          key: 'a',
          type: 'object',
          fields: [
            { key: 'a', type: 'text' },
            { key: 'x', type: 'text' },
            { key: 'x', type: 'text' },
          ],
        },
      ]),
    ).toEqual(['/fields/0/fields/2/key']);
  });

  it('refuses an unknown type and a key that is not snake_case', () => {
    expect(paths([{ key: 'a', type: 'color' }])).toEqual(['/fields/0/type']);
    expect(paths([{ key: 'Title', type: 'text' }])).toEqual(['/fields/0/key']);
  });

  it('wants choices on enum and only there, without repeats', () => {
    expect(paths([{ key: 'e', type: 'enum' }])).toEqual(['/fields/0/choices']);
    expect(paths([{ key: 'e', type: 'enum', choices: [] }])).toEqual(['/fields/0/choices']);
    expect(paths([{ key: 'e', type: 'enum', choices: ['a', 'a'] }])).toEqual(['/fields/0/choices']);
    expect(paths([{ key: 't', type: 'text', choices: ['a'] }])).toEqual(['/fields/0/choices']);
  });

  it('wants `to` on reference and only there; `schema` only with flex_entry', () => {
    expect(paths([{ key: 'r', type: 'reference' }])).toEqual(['/fields/0/to']);
    expect(paths([{ key: 't', type: 'text', to: 'product' }])).toEqual(['/fields/0/to']);
    expect(paths([{ key: 'r', type: 'reference', to: 'product', schema: 'store' }])).toEqual(['/fields/0/schema']);
    expect(paths([{ key: 't', type: 'text', schema: 'store' }])).toEqual(['/fields/0/schema']);
    expect(() => compileSchema([{ key: 'r', type: 'reference', to: 'flex_entry', schema: 'store' }], OPTIONS)).not.toThrow();
  });

  it('wants non-empty fields on object and only there', () => {
    expect(paths([{ key: 'o', type: 'object' }])).toEqual(['/fields/0/fields']);
    expect(paths([{ key: 'o', type: 'object', fields: [] }])).toEqual(['/fields/0/fields']);
    expect(paths([{ key: 't', type: 'text', fields: [{ key: 'a', type: 'text' }] }])).toEqual(['/fields/0/fields']);
  });

  it('allows a pattern only on text, compiling with the u flag, at most 500 characters', () => {
    expect(paths([{ key: 'r', type: 'rich_text', pattern: 'a' }])).toEqual(['/fields/0/pattern']);
    expect(paths([{ key: 't', type: 'text', pattern: '(' }])).toEqual(['/fields/0/pattern']);
    // Valid without the u flag, invalid with it.
    expect(paths([{ key: 't', type: 'text', pattern: '\\-\\q' }])).toEqual(['/fields/0/pattern']);
    expect(paths([{ key: 't', type: 'text', pattern: 'a'.repeat(501) }])).toEqual(['/fields/0/pattern']);
    expect(() => compileSchema([{ key: 't', type: 'text', pattern: '^\\p{L}+$' }], OPTIONS)).not.toThrow();
    expect(() => compileSchema([{ key: 's', type: 'text', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }], OPTIONS)).not.toThrow();
  });

  it('refuses a pattern that can take exponential time to match', () => {
    const [error] = invalid([{ key: 't', type: 'text', pattern: '^(\\w+\\s?)*$' }]);
    expect(error?.path).toBe('/fields/0/pattern');
    expect(error?.message).toMatch(/too long to match/);
  });

  it('allows lengths only on texts, and wants minLength <= maxLength', () => {
    expect(paths([{ key: 'i', type: 'integer', minLength: 1, maxLength: 2 }])).toEqual(['/fields/0/minLength', '/fields/0/maxLength']);
    expect(paths([{ key: 't', type: 'text', minLength: 3, maxLength: 2 }])).toEqual(['/fields/0/minLength']);
    expect(() => compileSchema([{ key: 'r', type: 'rich_text', minLength: 2, maxLength: 2 }], OPTIONS)).not.toThrow();
  });

  it('allows min/max only on numbers, whole ones for integer and money, with min <= max', () => {
    expect(paths([{ key: 't', type: 'text', min: 1 }])).toEqual(['/fields/0/min']);
    expect(paths([{ key: 'd', type: 'date', max: 1 }])).toEqual(['/fields/0/max']);
    expect(paths([{ key: 'i', type: 'integer', min: 5, max: 4 }])).toEqual(['/fields/0/min']);
    expect(paths([{ key: 'd', type: 'decimal', min: 0.5, max: 0.25 }])).toEqual(['/fields/0/min']);
    expect(paths([{ key: 'i', type: 'integer', min: 1.5 }])).toEqual(['/fields/0/min']);
    expect(paths([{ key: 'm', type: 'money', max: 9.99 }])).toEqual(['/fields/0/max']);
    expect(() => compileSchema([{ key: 'd', type: 'decimal', min: -0.5, max: 0.5 }], OPTIONS)).not.toThrow();
  });

  it('allows minItems/maxItems only on lists, with minItems <= maxItems', () => {
    expect(paths([{ key: 't', type: 'text', minItems: 1 }])).toEqual(['/fields/0/minItems']);
    expect(paths([{ key: 't', type: 'text', list: true, minItems: 3, maxItems: 2 }])).toEqual(['/fields/0/minItems']);
  });

  it('allows unique only on some scalar types, not on lists or localized, only at top level', () => {
    expect(paths([{ key: 'b', type: 'boolean', unique: true }])).toEqual(['/fields/0/unique']);
    expect(paths([{ key: 'j', type: 'json', unique: true }])).toEqual(['/fields/0/unique']);
    expect(paths([{ key: 't', type: 'text', list: true, unique: true }])).toEqual(['/fields/0/unique']);
    expect(paths([{ key: 't', type: 'text', localized: true, unique: true }])).toEqual(['/fields/0/unique']);
    expect(paths([{ key: 'o', type: 'object', fields: [{ key: 'sku', type: 'text', unique: true }] }])).toEqual([
      '/fields/0/fields/0/unique',
    ]);
    for (const type of ['text', 'integer', 'decimal', 'date', 'datetime'] as const)
      expect(() => compileSchema([{ key: 'u', type, unique: true }], OPTIONS)).not.toThrow();
  });

  it('allows filterable/sortable only on scalars, sortable not on lists, searchable only on texts', () => {
    expect(paths([{ key: 'j', type: 'json', filterable: true }])).toEqual(['/fields/0/filterable']);
    expect(paths([{ key: 'r', type: 'rich_text', sortable: true }])).toEqual(['/fields/0/sortable']);
    expect(paths([{ key: 'o', type: 'object', fields: [{ key: 'a', type: 'text' }], filterable: true }])).toEqual(['/fields/0/filterable']);
    expect(paths([{ key: 't', type: 'text', list: true, sortable: true }])).toEqual(['/fields/0/sortable']);
    expect(paths([{ key: 'i', type: 'integer', searchable: true }])).toEqual(['/fields/0/searchable']);
    expect(() =>
      compileSchema(
        [
          { key: 't', type: 'enum', choices: ['a'], list: true, filterable: true },
          { key: 'r', type: 'rich_text', searchable: true },
          { key: 'p', type: 'money', filterable: true, sortable: true },
        ],
        OPTIONS,
      ),
    ).not.toThrow();
  });

  it('lists every problem at once, with nested paths', () => {
    const errors = invalid([
      { key: 'a', type: 'text', min: 1 },
      {
        key: 'o',
        type: 'object',
        fields: [
          { key: 'b', type: 'integer', pattern: 'x' },
          { key: 'c', type: 'reference' },
        ],
      },
    ]);
    expect(errors.map((e) => e.path)).toEqual(['/fields/0/min', '/fields/1/fields/0/pattern', '/fields/1/fields/1/to']);
    expect(errors.every((e) => e.message.length > 0)).toBe(true);
  });
});
