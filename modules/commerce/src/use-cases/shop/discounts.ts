import type { CommerceContext } from '../../context.js';
import { commerceErrors } from '../../errors.js';
import { toMinor } from '../../money.js';
import { type Discount, DiscountInput, DiscountPatch } from '../../schemas/shop.js';
import { iso, isoOrNull } from '../../time.js';
import { createEntity, deleteEntity, getEntity, listEntities, type ShopEntity, updateEntity } from './crud.js';

type Row = Record<string, unknown>;

const invalid = (detail: string) => commerceErrors.COMMERCE_DISCOUNT_INVALID_SETTINGS(detail);

/** Cross-field rules: percentages up to 100 %, fixed amounts need a currency, a window that ends after it starts, a limit not below the uses so far. */
const prepare = (values: DiscountInput | DiscountPatch, current: Discount | null): Record<string, unknown> => {
  const next = { ...current, ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) } as Discount;
  if (next.kind === 'percentage' && next.value > 10_000) throw invalid('A percentage discount is at most 10000 basis points (100 %)');
  if (next.kind === 'fixed' && !next.currencyCode) throw invalid('A fixed discount needs a currencyCode');
  if (next.startsAt && next.endsAt && new Date(next.endsAt) <= new Date(next.startsAt)) throw invalid('endsAt must be after startsAt');
  if (current && next.usageLimit !== null && next.usageLimit !== undefined && next.usageLimit < current.usageCount) {
    throw invalid(`The code has been used ${current.usageCount} times; the limit cannot be lower`);
  }
  return 'code' in values ? { ...values, code: values.code.toUpperCase() } : values;
};

/** Discount codes (stored upper-case; carts match them case-insensitively). */
const discounts: ShopEntity<Discount, DiscountInput, DiscountPatch> = {
  table: 'commerce_discounts',
  noun: 'discount',
  columns: 'id, code, kind, value, currency_code, usage_limit, usage_count, starts_at, ends_at, active, created_at, updated_at',
  inputSchema: DiscountInput,
  patchSchema: DiscountPatch,
  fields: {
    code: 'code',
    kind: 'kind',
    value: 'value',
    currencyCode: 'currency_code',
    usageLimit: 'usage_limit',
    startsAt: 'starts_at',
    endsAt: 'ends_at',
    active: 'active',
  },
  toView: (r: Row) => ({
    id: String(r.id),
    code: String(r.code),
    kind: r.kind as Discount['kind'],
    value: toMinor(r.value),
    currencyCode: (r.currency_code as string | null) ?? null,
    usageLimit: (r.usage_limit as number | null) ?? null,
    usageCount: Number(r.usage_count),
    startsAt: isoOrNull(r.starts_at as Date | null),
    endsAt: isoOrNull(r.ends_at as Date | null),
    active: Boolean(r.active),
    createdAt: iso(r.created_at as Date),
    updatedAt: iso(r.updated_at as Date),
  }),
  prepare,
  duplicate: (v) => commerceErrors.COMMERCE_DISCOUNT_CODE_TAKEN(`The discount code ${String(v.code)} exists already`),
};

export const listDiscounts = (ctx: CommerceContext, page: { limit?: number; cursor?: string } = {}) => listEntities(ctx, discounts, page);
export const getDiscount = (ctx: CommerceContext, id: string) => getEntity(ctx, discounts, id);
export const createDiscount = (ctx: CommerceContext, input: DiscountInput) => createEntity(ctx, discounts, input);
export const updateDiscount = (ctx: CommerceContext, id: string, patch: DiscountPatch) => updateEntity(ctx, discounts, id, patch);
export const deleteDiscount = (ctx: CommerceContext, id: string) =>
  deleteEntity(ctx, discounts as ShopEntity<unknown, unknown, unknown>, id);
