import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiResult } from '../../api/client.js';
import type { PageContext } from '../../context.js';
import type { PageOutcome, PageRoute } from '../../page-types.js';
import { type Capability, cartCookieOf, field, localPath } from '../../session.js';
import type { StoreCart } from '../../views/shop/types.js';
import { type CartError, cartAddress, cartErrorOf } from './cart-errors.js';
import { cartGone, changeCart, startCart } from './cart-store.js';
import { formRoute } from './guard.js';

const MAX_QUANTITY = 10_000;

/** A quantity typed into a form: a whole number from 1 to 10,000, or undefined. */
const quantityOf = (text: string): number | undefined => {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= 1 && n <= MAX_QUANTITY ? n : undefined;
};

const redirect = (to: string): PageOutcome => ({ redirect: to, status: 303 });

/** Adds to the cart in the cookie; a cart that is gone (or none) is replaced by a new one. */
const addToCart = async (
  ctx: PageContext,
  request: FastifyRequest,
  reply: FastifyReply,
  item: { variantId: string; quantity: number },
): Promise<ApiResult<StoreCart>> => {
  const held = cartCookieOf(request);
  if (held) {
    const added = await changeCart<StoreCart>(ctx, held, 'POST', '/items', item);
    if (!cartGone(added)) return added;
  }
  const started = await startCart(ctx, request, reply);
  if (!started.ok) return started;
  return changeCart<StoreCart>(ctx, started.value, 'POST', '/items', item);
};

/** POST /cart/items (variantId, quantity, back): into the cart, then to the cart page (303; with the reason when refused). */
const addItem = formRoute('/cart/items', async (ctx, _params, request, reply) => {
  const back = localPath(field(request.body, 'back'));
  const variantId = field(request.body, 'variantId');
  const quantity = quantityOf(field(request.body, 'quantity') || '1');
  if (!variantId) return redirect(cartAddress(ctx.href, 'unavailable', back));
  if (quantity === undefined) return redirect(cartAddress(ctx.href, 'quantity', back));
  const result = await addToCart(ctx, request, reply, { variantId, quantity });
  // Added: the cart. Refused: the cart with the reason, and the way back to the product.
  return redirect(result.ok ? ctx.href('/cart') : cartAddress(ctx.href, cartErrorOf(result.problem), back));
});

const lineChange = async (ctx: PageContext, cart: Capability, itemId: string, body: unknown): Promise<CartError | undefined> => {
  const path = `/items/${encodeURIComponent(itemId)}`;
  if (field(body, '_action') === 'remove') {
    const removed = await changeCart<StoreCart>(ctx, cart, 'DELETE', path);
    return removed.ok ? undefined : cartErrorOf(removed.problem);
  }
  const quantity = quantityOf(field(body, 'quantity'));
  if (quantity === undefined) return 'quantity';
  const updated = await changeCart<StoreCart>(ctx, cart, 'PATCH', path, { quantity });
  return updated.ok ? undefined : cartErrorOf(updated.problem);
};

/** POST /cart/items/:itemId (`_action` = update with quantity, or remove). */
const changeItem = formRoute('/cart/items/:itemId', async (ctx, params, request) => {
  const cart = cartCookieOf(request);
  if (!cart) return redirect(cartAddress(ctx.href, 'cart'));
  return redirect(cartAddress(ctx.href, await lineChange(ctx, cart, params.itemId ?? '', request.body)));
});

/** POST /cart/discount (`code`, or `_action` = remove): the cart's discount code. */
const setDiscount = formRoute('/cart/discount', async (ctx, _params, request) => {
  const cart = cartCookieOf(request);
  if (!cart) return redirect(cartAddress(ctx.href, 'cart'));
  const code = field(request.body, '_action') === 'remove' ? null : field(request.body, 'code');
  if (code === '') return redirect(cartAddress(ctx.href, 'discount'));
  if (code !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(code)) return redirect(cartAddress(ctx.href, 'discount'));
  const result = await changeCart<StoreCart>(ctx, cart, 'PATCH', '', { discountCode: code });
  return redirect(cartAddress(ctx.href, result.ok ? undefined : cartErrorOf(result.problem)));
});

export const CART_ACTIONS: readonly PageRoute[] = [addItem, changeItem, setDiscount];
