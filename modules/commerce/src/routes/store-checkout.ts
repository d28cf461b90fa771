import { contextOf } from '@rustok/api';
import { Id } from '@rustok/kernel';

import { type Static, Type } from '@sinclair/typebox';

import type { FastifyInstance } from 'fastify';

import { CheckoutInput, CheckoutResultSchema } from '../schemas/order.js';

import { ShippingOptionSchema, StoreShippingQuery } from '../schemas/shop.js';

import { checkoutCart } from '../use-cases/checkout/checkout.js';

import { storeShippingOptions } from '../use-cases/shop/shipping-options.js';

import { commerceProblem } from './problems.js';

import { problem } from './request.js';
import { CartHeaders, cartKeyOf, NO_STORE } from './store-access.js';

const tags = ['commerce: store'];
const store = { access: { public: true } };
const CartParams = Type.Object({ id: Id() });
const CheckoutHeaders = Type.Object({
  ...CartHeaders.properties,
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
});
type CheckoutHeaders = Static<typeof CheckoutHeaders>;

/** Checkout of a cart (with its token) and the shipping options a storefront offers. */
export const storeCheckoutRoutes = (app: FastifyInstance): void => {
  app.post<{ Params: Static<typeof CartParams>; Body: CheckoutInput; Headers: CheckoutHeaders }>(
    '/store/carts/:id/checkout',
    {
      config: store,
      schema: {
        tags,
        summary: 'Place the order: stock reserved, prices and totals fixed; answers the order and its token',
        description:
          'Needs the cart token in X-Cart-Token (or the signed-in customer the cart belongs to); otherwise 404. orderToken reads the order (GET /store/orders/{id} with X-Order-Token). The same Idempotency-Key for the same cart answers the same order (201, header Idempotent-Replayed: true, a new orderToken; earlier ones stay valid) without reserving again; for another cart 422 COMMERCE_IDEMPOTENCY_KEY_REUSED. 409 COMMERCE_INSUFFICIENT_STOCK lists the short lines.',
        params: CartParams,
        headers: CheckoutHeaders,
        body: CheckoutInput,
        response: { 201: CheckoutResultSchema, 404: problem, 409: commerceProblem, 422: commerceProblem },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'] ?? null;
      const { order, orderToken, replayed } = await checkoutCart(contextOf(request), cartKeyOf(request), request.body, key);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).headers(NO_STORE).send({ order, orderToken });
    },
  );
  app.get<{ Querystring: Static<typeof StoreShippingQuery> }>(
    '/store/shipping-options',
    {
      config: store,
      schema: {
        tags,
        summary: 'Active shipping options for a currency',
        querystring: StoreShippingQuery,
        response: { 200: Type.Object({ items: Type.Array(ShippingOptionSchema) }), 422: problem },
      },
    },
    async (request) => ({ items: await storeShippingOptions(contextOf(request), request.query.currencyCode) }),
  );
};
