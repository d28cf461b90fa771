import { describe, expect, it } from 'vitest';
import { databaseAppError, uniqueViolationOf } from './db-errors.js';

/** What `pg` and PGlite throw for a unique violation (the fields the mapping reads). */
const duplicate = (fields: { constraint?: string; message?: string }) =>
  Object.assign(new Error(fields.message ?? 'duplicate key value'), { code: '23505', severity: 'ERROR', ...fields });

describe('uniqueViolationOf', () => {
  it('names the constraint of a unique violation, raw or behind the DATA_DUPLICATE it is answered with', () => {
    const raw = duplicate({ constraint: 'commerce_products_tenant_id_handle_key' });
    expect(uniqueViolationOf(raw)).toBe('commerce_products_tenant_id_handle_key');
    const coded = databaseAppError(raw);
    expect(coded?.code).toBe('DATA_DUPLICATE');
    expect(uniqueViolationOf(coded)).toBe('commerce_products_tenant_id_handle_key');
  });

  it('reads the name from the message when the error has no constraint field', () => {
    const raw = duplicate({ message: 'duplicate key value violates unique constraint "commerce_orders_tenant_id_cart_id_key"' });
    expect(uniqueViolationOf(raw)).toBe('commerce_orders_tenant_id_cart_id_key');
  });

  it('is undefined for any other error', () => {
    expect(uniqueViolationOf(Object.assign(new Error('check'), { code: '23514', severity: 'ERROR', constraint: 'x' }))).toBeUndefined();
    expect(uniqueViolationOf(Object.assign(new Error('no db'), { code: 'DATA_DUPLICATE' }))).toBeUndefined();
    expect(uniqueViolationOf(null)).toBeUndefined();
  });
});
