import { catchAppError } from '@rustok/testing/errors';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { createValidator, toFieldErrors } from './validation.js';

const Product = Type.Object(
  {
    title: Type.String({ minLength: 1 }),
    status: Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('archived')], { default: 'draft' }),
    email: Type.Optional(Type.String({ format: 'email' })),
    note: Type.Union([Type.String({ minLength: 1 }), Type.Null()], { default: null }),
    variants: Type.Array(Type.Object({ sku: Type.String({ minLength: 1 }) }, { additionalProperties: false }), { default: [] }),
  },
  { additionalProperties: false },
);

describe('createValidator', () => {
  const validator = createValidator(Product);

  it('returns the value with schema defaults applied', () => {
    expect(validator.parse({ title: 'Shirt' })).toEqual({ title: 'Shirt', status: 'draft', note: null, variants: [] });
    expect(validator.errors({ title: 'Shirt', status: 'active', email: 'a@example.com' })).toEqual([]);
  });

  it('lists every problem at once, with the allowed values of a union of literals', () => {
    const value = { status: 'deleted', email: 'not-an-email', note: '', variants: [{ sku: '' }, { sku: 'A', colour: 'red' }], extra: 1 };
    expect(validator.errors(value)).toEqual([
      { path: 'title', message: 'is required' },
      { path: 'extra', message: 'is not a known key' },
      { path: 'status', message: 'must be one of draft, active, archived (got "deleted")' },
      { path: 'email', message: 'must match format "email" (got "not-an-email")' },
      { path: 'note', message: 'must match a schema in anyOf (got "")' },
      { path: 'variants.0.sku', message: 'must NOT have fewer than 1 characters (got "")' },
      { path: 'variants.1.colour', message: 'is not a known key' },
    ]);
  });

  it('parse throws VALIDATION_FAILED (422) listing the failing fields', () => {
    const error = catchAppError(() => validator.parse({ title: '', status: 'x' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.status).toBe(422);
    expect(error.errors).toEqual([
      { path: 'title', message: 'must NOT have fewer than 1 characters (got "")' },
      { path: 'status', message: 'must be one of draft, active, archived (got "x")' },
    ]);
  });

  it('writes JSON-pointer paths with the "/" separator', () => {
    const pointer = createValidator(Product, '/');
    expect(pointer.errors({ variants: [{ sku: '' }] })).toEqual([
      { path: '/title', message: 'is required' },
      { path: '/variants/0/sku', message: 'must NOT have fewer than 1 characters (got "")' },
    ]);
  });

  it('names the root when the value itself is wrong', () => {
    expect(validator.errors('text')).toEqual([{ path: '(root)', message: 'must be object (got "text")' }]);
    expect(createValidator(Product, '/').errors(null)).toEqual([{ path: '/', message: 'must be object (got null)' }]);
  });
});

describe('toFieldErrors', () => {
  it('returns nothing for no errors', () => {
    expect(toFieldErrors(null, {})).toEqual([]);
    expect(toFieldErrors(undefined, {})).toEqual([]);
  });
});
