import { parseInput } from '@rustok/kernel';
import { variantNotFound } from '../../catalog/errors.js';

import { fieldErrors, isCurrency } from '../../catalog/validate.js';

import { loadVariantsForSale } from '../../catalog/variant-read.js';

import { type CommerceContext, inTenant } from '../../context.js';
import { commerceErrors } from '../../errors.js';
import { mulMinor } from '../../money.js';

import { loadPriceCandidates } from '../../prices/load.js';

import { resolvePrice } from '../../prices/resolve.js';

import { QuoteQuery } from '../../schemas/catalog.js';

import type { QuoteView } from '../../schemas/catalog-views.js';

import { PERM, publishedOnly, requireOnPublicRoute } from './access.js';

/**
 * GET /commerce/variants/{variantId}/price?currency=&quantity=&priceList=: the price the resolver
 * picks now. Naming a price list (an entitlement to an override list) needs commerce.prices.manage;
 * the public may quote variants of published products only. 404 COMMERCE_PRICE_NOT_FOUND when the
 * variant has no applicable price in the currency.
 */
export const quotePrice = (ctx: CommerceContext, variantId: string, raw: Partial<QuoteQuery>): Promise<QuoteView> =>
  inTenant(ctx, async (w) => {
    const query = parseInput(QuoteQuery, { quantity: 1, ...raw });
    const errors = fieldErrors();
    if (!isCurrency(query.currency)) errors.add('/currency', 'is not an ISO 4217 currency code');
    errors.throwIfAny();
    if (query.priceList) requireOnPublicRoute(w.actor, PERM.prices);
    const variant = (await loadVariantsForSale(w.tx, [variantId])).get(variantId);
    if (!variant || (publishedOnly(w.actor) && variant.productStatus !== 'published')) throw variantNotFound(variantId);
    const candidates = (await loadPriceCandidates(w.tx, [variantId], query.currency)).get(variantId) ?? [];
    const at = new Date();
    const price = resolvePrice(candidates, {
      currencyCode: query.currency,
      quantity: query.quantity,
      at,
      priceListIds: query.priceList ? [query.priceList] : [],
    });
    if (!price) {
      throw commerceErrors.COMMERCE_PRICE_NOT_FOUND(`Variant ${variantId} has no price in ${query.currency} for ${query.quantity}`);
    }
    return {
      variantId,
      productId: variant.productId,
      currencyCode: price.currencyCode,
      quantity: query.quantity,
      unitAmount: price.amount,
      totalAmount: mulMinor(price.amount, query.quantity),
      minQuantity: price.minQuantity,
      priceId: price.id,
      priceListId: price.priceListId,
      priceListKind: price.listKind,
    };
  });
