import type { SqlRunner } from '@rustok/kernel';
import type { Cart, CartItem } from '../../schemas/cart.js';
import { iso } from '../../time.js';
import type { Totals } from '../../totals.js';
import { loadTerms, totalsOf } from '../checkout/terms.js';
import { type CartRow, isExpired, loadCartItems } from './cart-store.js';
import { type PricedLine, priceLines } from './price-lines.js';

const itemOf = (p: PricedLine, t: { subtotal: number; discountTotal: number; taxTotal: number; total: number } | undefined): CartItem => ({
  id: p.id,
  variantId: p.variantId,
  productId: p.variant?.productId ?? null,
  title: p.variant?.productTitle ?? '',
  variantTitle: p.variant?.title ?? '',
  sku: p.variant?.sku ?? null,
  quantity: p.quantity,
  unitPrice: p.unitPrice,
  subtotal: t?.subtotal ?? 0,
  discountTotal: t?.discountTotal ?? 0,
  taxTotal: t?.taxTotal ?? 0,
  total: t?.total ?? 0,
  problem: p.problem,
});

const totalsFields = (t: Totals) => ({
  subtotal: t.subtotal,
  discountTotal: t.discountTotal,
  taxTotal: t.taxTotal,
  shippingTotal: t.shippingTotal,
  total: t.total,
});

/**
 * A cart as the storefront sees it, priced now on the server: every line re-priced by the
 * resolver, the discount spread over discountable lines, tax by the cart's country, flat shipping.
 * Lines that cannot be bought (unpublished product, no price in the currency) count for nothing.
 */
export const buildCartView = async (tx: SqlRunner, row: CartRow, at = new Date()): Promise<Cart> => {
  const items = await loadCartItems(tx, row.id);
  const requests = items.map((i) => ({ id: i.id, variantId: i.variant_id, quantity: i.quantity }));
  const priced = await priceLines(tx, requests, row.currency_code, at);
  const terms = await loadTerms(tx, {
    countryCode: row.country_code,
    shippingOptionId: row.shipping_option_id,
    discountCode: row.discount_code,
    currencyCode: row.currency_code,
    at,
  });
  const usable = priced.filter((p) => p.problem === null);
  const totals = totalsOf(usable, terms);
  const byId = new Map(usable.map((p, k) => [p.id, totals.lines[k]]));
  return {
    ...totalsFields(totals),
    id: row.id,
    status: isExpired(row, at) ? 'expired' : row.status,
    currencyCode: row.currency_code,
    customerId: row.customer_id,
    email: row.email,
    countryCode: row.country_code,
    discountCode: row.discount_code,
    discountApplied: terms.discount !== null,
    shippingOption: terms.shipping,
    taxRateBp: terms.taxRateBp,
    orderId: row.order_id,
    items: priced.map((p) => itemOf(p, byId.get(p.id))),
    expiresAt: iso(row.expires_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
};
