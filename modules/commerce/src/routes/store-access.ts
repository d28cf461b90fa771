import { type Static, Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { CAPABILITY_TOKEN_PATTERN } from '../capability.js';
import type { CartKey } from '../use-cases/cart/cart-store.js';

/**
 * How storefront requests name carts and orders. A cart is reached with its secret token in
 * `X-Cart-Token` (or by the signed-in customer it belongs to); an order with one of its tokens in
 * `X-Order-Token` (or by its customer). An id alone reaches nothing: 404, as for a missing one.
 * Tokens travel in headers, not cookies, so a page of another site cannot send them along.
 */
const token = (what: string) =>
  Type.Optional(
    Type.String({
      pattern: CAPABILITY_TOKEN_PATTERN,
      description: `The ${what} token answered when the ${what} was made (not needed by its signed-in customer)`,
    }),
  );

export const CartHeaders = Type.Object({ 'x-cart-token': token('cart') });
export type CartHeaders = Static<typeof CartHeaders>;

export const OrderHeaders = Type.Object({ 'x-order-token': token('order') });
export type OrderHeaders = Static<typeof OrderHeaders>;

export const cartKeyOf = (request: FastifyRequest<{ Params: { id: string }; Headers: CartHeaders }>): CartKey => ({
  id: request.params.id,
  token: request.headers['x-cart-token'] ?? null,
});

/** Answers carrying a token, or read with one, are nobody's to cache. */
export const NO_STORE = { 'cache-control': 'no-store' } as const;
