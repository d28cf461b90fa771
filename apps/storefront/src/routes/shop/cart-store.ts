import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiResult } from '../../api/client.js';
import type { PageContext } from '../../context.js';
import { COOKIE, clearCookie } from '../../http/cookies.js';
import { type Capability, cartCookieOf, saveCart } from '../../session.js';
import type { CartCreated, StoreCart } from '../../views/shop/types.js';

/** Codes that mean the cart in the cookie is no longer there to add to: a new one is started. */
const GONE = new Set(['COMMERCE_CART_NOT_FOUND', 'COMMERCE_CART_COMPLETED', 'COMMERCE_CART_EXPIRED', 'NOT_FOUND']);

export const cartGone = <T>(result: ApiResult<T>): boolean => !result.ok && (result.status === 404 || GONE.has(result.problem.code));

/** The shopper's open cart (none when the cookie names none, or one that is gone: the cookie is dropped then). */
export const openCart = async (ctx: PageContext, request: FastifyRequest, reply: FastifyReply): Promise<StoreCart | undefined> => {
  const key = cartCookieOf(request);
  if (!key) return undefined;
  const result = await ctx.api.get<StoreCart>(`/store/carts/${encodeURIComponent(key.id)}`);
  if (result.ok && result.value.status === 'open') return result.value;
  if (result.ok || cartGone(result)) clearCookie(request, reply, COOKIE.cart);
  // A session token the API no longer takes (signed out elsewhere): dropped, so the next request is a guest's.
  if (!result.ok && result.status === 401) clearCookie(request, reply, COOKIE.session);
  return undefined;
};

/** A new cart in the page's currency, kept in the cookie. */
export const startCart = async (ctx: PageContext, request: FastifyRequest, reply: FastifyReply): Promise<ApiResult<Capability>> => {
  const result = await ctx.api.send<CartCreated>('POST', '/store/carts', { currencyCode: ctx.currency });
  if (!result.ok) return result;
  const cart = { id: result.value.cart.id, token: result.value.cartToken };
  saveCart(request, reply, cart);
  return { ok: true, status: result.status, value: cart };
};

/** A change of one cart, made with its token (the page's client holds the token of the cookie, not of a cart just started). */
export const changeCart = <T>(
  ctx: PageContext,
  cart: Capability,
  method: 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> =>
  ctx.api.send<T>(method, `/store/carts/${encodeURIComponent(cart.id)}${path}`, body, { 'x-cart-token': cart.token });
