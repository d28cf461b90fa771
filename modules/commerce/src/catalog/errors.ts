import { uniqueViolationOf } from '@rustok/api';
import type { AppError } from '@rustok/kernel';
import { commerceErrors } from '../errors.js';

/** The catalog's coded failures. Another tenant's object is simply missing: 404, never 403. */
export const productNotFound = (id: string): AppError => commerceErrors.COMMERCE_PRODUCT_NOT_FOUND(`No product ${id}`);

export const variantNotFound = (id: string): AppError => commerceErrors.COMMERCE_VARIANT_NOT_FOUND(`No variant ${id}`);

export const priceListNotFound = (id: string): AppError => commerceErrors.COMMERCE_PRICE_LIST_NOT_FOUND(`No price list ${id}`);

export const handleTaken = (handle: string | null, path = 'handle'): AppError =>
  commerceErrors.COMMERCE_HANDLE_TAKEN(`The handle ${handle ? `"${handle}" ` : ''}is already used by another product`, {
    errors: [{ path, message: 'is already taken' }],
  });

export const skuTaken = (sku: string | null, path = 'sku'): AppError =>
  commerceErrors.COMMERCE_SKU_TAKEN(`The SKU ${sku ? `"${sku}" ` : ''}is already used by another variant`, {
    errors: [{ path, message: 'is already taken' }],
  });

/**
 * A unique violation that slipped past the in-transaction checks (two writers at once) as the same
 * 409 the check gives; any other error unchanged.
 */
export const mapUniqueViolation = (error: unknown): unknown => {
  const constraint = uniqueViolationOf(error);
  if (constraint === undefined) return error;
  if (constraint.includes('handle')) return handleTaken(null);
  if (constraint.includes('sku')) return skuTaken(null);
  return commerceErrors.COMMERCE_CONFLICT('The change conflicts with another one; retry it', { cause: error });
};
