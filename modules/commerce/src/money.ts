import type { AppError } from '@rustok/kernel';
import { commerceErrors } from './errors.js';

/**
 * Money is integer minor units (cents, kopecks, yen) as a JS number, checked to stay a safe
 * integer; the database keeps bigint. No floating point touches an amount: rates are basis points
 * (1/100 of a percent) and products go through BigInt.
 */
export type Minor = number;

const overflow = (): AppError => commerceErrors.COMMERCE_AMOUNT_OUT_OF_RANGE('An amount is larger than the platform can represent');

/** A bigint column as pg (string), PGlite (number or bigint) or JSON gives it back. */
export const toMinor = (value: unknown): Minor => {
  const n = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : (value as number);
  if (!Number.isSafeInteger(n)) throw overflow();
  return n;
};

export const addMinor = (...amounts: readonly Minor[]): Minor => {
  const sum = amounts.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(sum)) throw overflow();
  return sum;
};

export const mulMinor = (amount: Minor, quantity: number): Minor => {
  const product = amount * quantity;
  if (!Number.isSafeInteger(product)) throw overflow();
  return product;
};

/** `amount × bp / 10000`, rounded half away from zero (the usual commercial rounding). */
export const applyBasisPoints = (amount: Minor, bp: number): Minor => {
  const scaled = BigInt(amount) * BigInt(bp);
  const q = scaled / 10_000n;
  const r = scaled % 10_000n;
  const abs = r < 0n ? -r : r;
  const rounded = abs * 2n >= 10_000n ? q + (scaled < 0n ? -1n : 1n) : q;
  return toMinor(rounded);
};

/**
 * Splits `total` over parts in proportion to `weights` (largest remainder): the parts always add up
 * to exactly `total`, so a discount spread over lines never gains or loses a cent.
 */
export const allocate = (total: Minor, weights: readonly Minor[]): Minor[] => {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const base = exact.map((e) => e / BigInt(sum));
  let left = total - base.reduce((a, b) => a + Number(b), 0);
  const order = exact.map((e, i) => ({ i, rem: e % BigInt(sum) })).sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1));
  const out = base.map(Number);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    left -= 1;
  }
  return out;
};
