/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { AddCartItemInput, CartSchema, CreateCartInput, UpdateCartInput, UpdateCartItemInput } from '../schemas/cart.js';
import { CheckoutInput, OrderSchema } from '../schemas/order.js';
import { ShippingOptionSchema, StoreShippingQuery } from '../schemas/shop.js';
import { addCartItem } from '../use-cases/cart/add-item.js';
import { createCart } from '../use-cases/cart/create-cart.js';
import { getCart } from '../use-cases/cart/get-cart.js';
import { updateCart } from '../use-cases/cart/update-cart.js';
import { removeCartItem, updateCartItem } from '../use-cases/cart/update-item.js';
import { checkoutCart } from '../use-cases/checkout/checkout.js';
import { storeShippingOptions } from '../use-cases/shop/shipping-options.js';
import { commerceErrorHandler, commerceProblem } from './problems.js';
import { contextOf, problem } from './request.js';

const tags = ['commerce: store'];
/** Storefront routes are public: guests shop too, the cart id is the capability; a signed-in caller's cart records them. */
const store = { access: { public: true } };
const CartParams = Type.Object({ id: Id() });
const ItemParams = Type.Object({ id: Id(), itemId: Id() });
type CartParams = Static<typeof CartParams>;
type ItemParams = Static<typeof ItemParams>;
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255 })) });

const cartRoutes = (app: FastifyInstance): void => {
  app.post<{ Body: CreateCartInput }>(
    '/store/carts',
    {
      config: store,
      schema: { tags, summary: 'Start a cart in one currency', body: CreateCartInput, response: { 201: CartSchema, 422: problem } },
    },
    async (request, reply) => reply.status(201).send(await createCart(contextOf(request), request.body)),
  );
  app.get<{ Params: CartParams }>(
    '/store/carts/:id',
    {
      config: store,
      schema: { tags, summary: 'A cart with lines and totals priced now', params: CartParams, response: { 200: CartSchema, 404: problem } },
    },
    async (request) => getCart(contextOf(request), request.params.id),
  );
  app.patch<{ Params: CartParams; Body: UpdateCartInput }>(
    '/store/carts/:id',
    {
      config: store,
      schema: {
        tags,
        summary: 'Set email, destination country, discount code or shipping option (null clears)',
        params: CartParams,
        body: UpdateCartInput,
        response: { 200: CartSchema, 404: problem, 409: commerceProblem, 422: commerceProblem },
      },
    },
    async (request) => updateCart(contextOf(request), request.params.id, request.body),
  );
};

const itemRoutes = (app: FastifyInstance): void => {
  const responses = { 200: CartSchema, 404: problem, 409: commerceProblem, 422: commerceProblem };
  app.post<{ Params: CartParams; Body: AddCartItemInput }>(
    '/store/carts/:id/items',
    {
      config: store,
      schema: { tags, summary: 'Add a variant (or more of it)', params: CartParams, body: AddCartItemInput, response: responses },
    },
    async (request) => addCartItem(contextOf(request), request.params.id, request.body),
  );
  app.patch<{ Params: ItemParams; Body: UpdateCartItemInput }>(
    '/store/carts/:id/items/:itemId',
    {
      config: store,
      schema: { tags, summary: "Set a line's quantity", params: ItemParams, body: UpdateCartItemInput, response: responses },
    },
    async (request) => updateCartItem(contextOf(request), request.params.id, request.params.itemId, request.body),
  );
  app.delete<{ Params: ItemParams }>(
    '/store/carts/:id/items/:itemId',
    { config: store, schema: { tags, summary: 'Remove a line', params: ItemParams, response: responses } },
    async (request) => removeCartItem(contextOf(request), request.params.id, request.params.itemId),
  );
};

const checkoutRoutes = (app: FastifyInstance): void => {
  app.post<{ Params: CartParams; Body: CheckoutInput; Headers: Static<typeof IdempotencyHeaders> }>(
    '/store/carts/:id/checkout',
    {
      config: store,
      schema: {
        tags,
        summary: 'Place the order: stock reserved, prices and totals fixed; Idempotency-Key makes retries safe',
        description:
          'The same Idempotency-Key for the same cart answers the same order (201, header Idempotent-Replayed: true) without reserving again; for another cart 422 COMMERCE_IDEMPOTENCY_KEY_REUSED. 409 COMMERCE_INSUFFICIENT_STOCK lists the short lines.',
        params: CartParams,
        headers: IdempotencyHeaders,
        body: CheckoutInput,
        response: { 201: OrderSchema, 404: problem, 409: commerceProblem, 422: commerceProblem },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'] ?? null;
      const { order, replayed } = await checkoutCart(contextOf(request), request.params.id, request.body, key);
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(order);
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

/** Storefront: carts, their lines and checkout. */
export const storeRoutes: FastifyPluginAsync = async (app) => {
  app.setErrorHandler(commerceErrorHandler);
  cartRoutes(app);
  itemRoutes(app);
  checkoutRoutes(app);
};
