import { generateId } from '@rustok/kernel';
import { capabilityHash, newCapabilityToken } from '../../capability.js';
import { type CommerceTx, notFound } from '../../context.js';
import { commerceErrors } from '../../errors.js';
import { COMMERCE_EVENT, type InventoryEventPayload, type OrderPlacedPayload } from '../../events.js';
import type { CheckoutInput, Order } from '../../schemas/order.js';
import type { Totals } from '../../totals.js';
import { assertOpen, CART_COLUMNS, type CartKey, type CartRow, loadCartItems, REACHABLE_CART, reachParams } from '../cart/cart-store.js';
import { type PricedLine, priceLines } from '../cart/price-lines.js';
import type { LineRow } from '../orders/order-view.js';
import { writeOrder } from './insert-order.js';
import type { StockTaken } from './reserve-stock.js';
import { loadTerms, type ShopTerms, totalsOf } from './terms.js';

export interface CheckoutOutcome {
  readonly order: Order;
  /** A token to read the order with (shown once; a replay answers a new one, the earlier ones stay valid). */
  readonly orderToken: string;
  /** True when an earlier checkout with the same Idempotency-Key made the order. */
  readonly replayed: boolean;
}

type LockedCart = CartRow & { key_order_id: string | null; key_cart_id: string | null };

/**
 * Locks the cart the caller reaches (its token, or its signed-in customer; 404 otherwise — a second
 * checkout of it waits here) and finds the order an Idempotency-Key already made.
 */
export const lockCartForCheckout = async (w: CommerceTx, cart: CartKey, key: string | null): Promise<LockedCart> => {
  const { rows } = await w.tx.query<LockedCart>(
    `SELECT ${CART_COLUMNS},
            (SELECT order_id FROM commerce_order_keys WHERE idempotency_key = $4) AS key_order_id,
            (SELECT cart_id FROM commerce_order_keys WHERE idempotency_key = $4) AS key_cart_id
       FROM commerce_carts WHERE ${REACHABLE_CART} FOR UPDATE`,
    [...reachParams(cart, w.actor.userId), key],
  );
  if (!rows[0]) throw notFound('cart', cart.id);
  return rows[0];
};

/** Every line must be buyable now: a published product and a price in the cart's currency. */
const assertBuyable = (lines: readonly PricedLine[], currencyCode: string): void => {
  const unavailable = lines.filter((l) => l.problem === 'PRODUCT_UNAVAILABLE').map((l) => l.variantId);
  if (unavailable.length > 0) {
    throw commerceErrors.COMMERCE_PRODUCT_UNAVAILABLE(`Not for sale (product not published): ${unavailable.join(', ')}`, {
      meta: {
        variantIds: unavailable,
      },
    });
  }
  const unpriced = lines.filter((l) => l.problem === 'PRICE_MISSING').map((l) => l.variantId);
  if (unpriced.length > 0) {
    throw commerceErrors.COMMERCE_PRICE_MISSING(`No price in ${currencyCode} for: ${unpriced.join(', ')}`, {
      meta: { variantIds: unpriced },
    });
  }
};

const assertTerms = (terms: ShopTerms): void => {
  if (terms.shippingProblem) throw terms.shippingProblem;
  if (terms.discountProblem) throw terms.discountProblem;
};

const lineRows = (lines: readonly PricedLine[], totals: Totals): LineRow[] =>
  lines.map((l, i) => {
    const t = totals.lines[i] ?? { subtotal: 0, discountTotal: 0, taxTotal: 0, total: 0 };
    return {
      id: generateId(),
      product_id: l.variant?.productId ?? null,
      variant_id: l.variantId,
      title: l.variant?.productTitle ?? '',
      variant_title: l.variant?.title ?? '',
      sku: l.variant?.sku ?? null,
      quantity: l.quantity,
      unit_price: l.unitPrice,
      subtotal: t.subtotal,
      discount_total: t.discountTotal,
      tax_total: t.taxTotal,
      total: t.total,
    };
  });

const placedEvents = (order: Order, taken: readonly StockTaken[]) => [
  ...taken.map((s) => ({
    type: COMMERCE_EVENT.inventoryAdjusted,
    payload: {
      variantId: s.variantId,
      productId: s.productId,
      delta: -s.quantity,
      available: s.available,
      reason: 'reservation',
      orderId: order.id,
    } satisfies InventoryEventPayload,
  })),
  {
    type: COMMERCE_EVENT.orderPlaced,
    payload: {
      orderId: order.id,
      displayId: order.displayId,
      cartId: order.cartId,
      customerId: order.customerId,
      currencyCode: order.currencyCode,
      total: order.total,
      lines: order.lines.map((l) => ({ variantId: l.variantId, productId: l.productId, quantity: l.quantity })),
    } satisfies OrderPlacedPayload,
  },
];

/** The cart's lines priced now, the shop's terms for the destination, and the totals; 422 when a line or term does not apply. */
const priceCheckout = async (w: CommerceTx, cart: CartRow, input: CheckoutInput) => {
  const items = await loadCartItems(w.tx, cart.id);
  if (items.length === 0) throw commerceErrors.COMMERCE_CART_EMPTY(`Cart ${cart.id} has no items`);
  const at = new Date();
  const requests = items.map((i) => ({ id: i.id, variantId: i.variant_id, quantity: i.quantity }));
  const lines = await priceLines(w.tx, requests, cart.currency_code, at);
  assertBuyable(lines, cart.currency_code);
  const terms = await loadTerms(w.tx, {
    countryCode: input.shippingAddress.countryCode,
    shippingOptionId: cart.shipping_option_id,
    discountCode: cart.discount_code,
    currencyCode: cart.currency_code,
    at,
  });
  assertTerms(terms);
  return { lines, terms, totals: totalsOf(lines, terms) };
};

/** Stock claims of the lines whose variants manage inventory, each with its reservation's id. */
const claimsOf = (lines: readonly PricedLine[]) =>
  lines.flatMap((l) => {
    const v = l.variant;
    if (!v?.manageInventory) return [];
    return [
      {
        variantId: l.variantId,
        productId: v.productId,
        sku: v.sku,
        quantity: l.quantity,
        allowBackorder: v.allowBackorder,
        reservationId: generateId(),
      },
    ];
  });

/**
 * The new order of an open, locked cart: re-prices every line now, applies the shop's terms,
 * reserves stock (all lines or none), counts the discount use, writes the order with the hash of
 * its first token and publishes commerce.inventory.adjusted per reserved line and
 * commerce.order.placed, all in the caller's transaction.
 */
export const placeOrder = async (w: CommerceTx, cart: CartRow, input: CheckoutInput, key: string | null): Promise<CheckoutOutcome> => {
  assertOpen(cart);
  const { lines, terms, totals } = await priceCheckout(w, cart, input);
  const orderToken = newCapabilityToken();
  const { order, taken } = await writeOrder(w.tx, {
    id: generateId(),
    cartId: cart.id,
    customerId: cart.customer_id ?? w.actor.userId,
    email: input.email,
    locale: input.locale ?? null,
    currencyCode: cart.currency_code,
    totals,
    discount: terms.discount,
    shipping: terms.shipping,
    shippingAddress: input.shippingAddress,
    billingAddress: input.billingAddress ?? input.shippingAddress,
    idempotencyKey: key,
    tokenHash: capabilityHash(orderToken),
    lines: lineRows(lines, totals),
    claims: claimsOf(lines),
    historyId: generateId(),
    actorId: w.actor.userId,
  });
  await w.publishAll(placedEvents(order, taken));
  return { order, orderToken, replayed: false };
};
