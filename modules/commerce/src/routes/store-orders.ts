import { contextOf } from '@rustok/api';
import { Id } from '@rustok/kernel';

import { type Static, Type } from '@sinclair/typebox';

import type { FastifyInstance } from 'fastify';

import { CheckoutResultSchema, ListOrdersQuery, OrderPage, OrderSchema, StoreOrderLookupInput, StoreOrderQuery } from '../schemas/order.js';

import { getStoreOrder, listStoreOrders, lookupStoreOrder } from '../use-cases/orders/store-orders.js';

import { problem } from './request.js';
import { NO_STORE, OrderHeaders } from './store-access.js';

const tags = ['commerce: store'];
const OrderParams = Type.Object({ id: Id() });

/** The storefront's view of orders: a signed-in customer's own, one order by its token (guests), a guest's lookup by number and e-mail. */
export const storeOrderRoutes = (app: FastifyInstance): void => {
  app.get<{ Querystring: ListOrdersQuery }>(
    '/store/orders',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: "The signed-in customer's orders, newest first",
        querystring: ListOrdersQuery,
        response: { 200: OrderPage, 401: problem, 422: problem },
      },
    },
    async (request) => listStoreOrders(contextOf(request), request.query),
  );
  app.get<{ Params: Static<typeof OrderParams>; Querystring: StoreOrderQuery; Headers: OrderHeaders }>(
    '/store/orders/:id',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'One order, for a holder of its token (X-Order-Token) or the signed-in customer who placed it',
        description: "With ?email= the order's e-mail address must match as well. Any other caller gets 404, as for a missing order.",
        params: OrderParams,
        querystring: StoreOrderQuery,
        headers: OrderHeaders,
        response: { 200: OrderSchema, 404: problem, 422: problem },
      },
    },
    async (request, reply) => {
      const key = { id: request.params.id, token: request.headers['x-order-token'] ?? null, email: request.query.email ?? null };
      return reply.headers(NO_STORE).send(await getStoreOrder(contextOf(request), key));
    },
  );
  app.post<{ Body: StoreOrderLookupInput }>(
    '/store/orders/lookup',
    {
      // Counted like a login (per tenant and address): numbers are sequential, the e-mail address is the secret.
      config: { access: { public: true }, loginLimit: true },
      schema: {
        tags,
        summary: 'A guest finds their order by its number and e-mail address; answers the order and a token to read it',
        description:
          'The token reads the order later (GET /store/orders/{id} with X-Order-Token); earlier tokens stay valid. No order with that number and address: 404, as for a missing order.',
        body: StoreOrderLookupInput,
        response: { 200: CheckoutResultSchema, 404: problem, 422: problem },
      },
    },
    async (request, reply) => reply.headers(NO_STORE).send(await lookupStoreOrder(contextOf(request), request.body)),
  );
};
