import { contextOf } from '@rustok/api';
/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';

import { type Static, Type } from '@sinclair/typebox';

import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

import {
  AddCartItemInput,
  CartCreatedSchema,
  CartPage,
  CartSchema,
  CreateCartInput,
  ListCartsQuery,
  UpdateCartInput,
  UpdateCartItemInput,
} from '../schemas/cart.js';

import { addCartItem } from '../use-cases/cart/add-item.js';

import { claimCart } from '../use-cases/cart/claim-cart.js';

import { createCart } from '../use-cases/cart/create-cart.js';

import { getCart } from '../use-cases/cart/get-cart.js';

import { listMyCarts } from '../use-cases/cart/list-carts.js';

import { updateCart } from '../use-cases/cart/update-cart.js';

import { removeCartItem, updateCartItem } from '../use-cases/cart/update-item.js';

import { commerceErrorHandler, commerceProblem } from './problems.js';

import { problem } from './request.js';
import { CartHeaders, cartKeyOf, NO_STORE } from './store-access.js';

import { storeCheckoutRoutes } from './store-checkout.js';

import { storeOrderRoutes } from './store-orders.js';

const tags = ['commerce: store'];
/** Storefront routes are public: guests shop too. The cart token is the capability; a signed-in caller's cart records them. */
const store = { access: { public: true } };
const CartParams = Type.Object({ id: Id() });
const ItemParams = Type.Object({ id: Id(), itemId: Id() });
type CartParams = Static<typeof CartParams>;
type ItemParams = Static<typeof ItemParams>;
const TOKEN_NOTE = 'Needs the cart token in X-Cart-Token (or the signed-in customer the cart belongs to); otherwise 404.';

/** Starting a cart, and a signed-in customer's open carts. */
const cartRoutes = (app: FastifyInstance): void => {
  app.post<{ Body: CreateCartInput }>(
    '/store/carts',
    {
      config: store,
      schema: {
        tags,
        summary: 'Start a cart in one currency; answers its token once',
        description: 'Send cartToken as X-Cart-Token with every later call of this cart. Only its hash is stored.',
        body: CreateCartInput,
        response: { 201: CartCreatedSchema, 422: problem },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .headers(NO_STORE)
        .send(await createCart(contextOf(request), request.body)),
  );
  app.get<{ Querystring: ListCartsQuery }>(
    '/store/carts',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: "The signed-in customer's open carts, newest first (how they find a cart on another device)",
        querystring: ListCartsQuery,
        response: { 200: CartPage, 401: problem, 422: problem },
      },
    },
    async (request) => listMyCarts(contextOf(request), request.query),
  );
};

/** One cart, reached with its token (or as its customer): read, change, claim. */
const oneCartRoutes = (app: FastifyInstance): void => {
  app.get<{ Params: CartParams; Headers: CartHeaders }>(
    '/store/carts/:id',
    {
      config: store,
      schema: {
        tags,
        summary: 'A cart with lines and totals priced now',
        description: TOKEN_NOTE,
        params: CartParams,
        headers: CartHeaders,
        response: { 200: CartSchema, 404: problem },
      },
    },
    async (request) => getCart(contextOf(request), cartKeyOf(request)),
  );
  app.patch<{ Params: CartParams; Body: UpdateCartInput; Headers: CartHeaders }>(
    '/store/carts/:id',
    {
      config: store,
      schema: {
        tags,
        summary: 'Set email, destination country, discount code or shipping option (null clears)',
        description: TOKEN_NOTE,
        params: CartParams,
        headers: CartHeaders,
        body: UpdateCartInput,
        response: { 200: CartSchema, 404: problem, 409: commerceProblem, 422: commerceProblem },
      },
    },
    async (request) => updateCart(contextOf(request), cartKeyOf(request), request.body),
  );
  app.post<{ Params: CartParams; Headers: CartHeaders }>(
    '/store/carts/:id/claim',
    {
      config: { access: { authenticated: true } },
      schema: {
        tags,
        summary: 'Take over a guest cart as the signed-in customer (with its token)',
        description:
          'The cart then belongs to the caller: reachable without the token, and its order is theirs. The token keeps working. 409 COMMERCE_CART_CLAIMED when it belongs to another customer.',
        params: CartParams,
        headers: CartHeaders,
        response: { 200: CartSchema, 401: problem, 404: problem, 409: commerceProblem },
      },
    },
    async (request) => claimCart(contextOf(request), cartKeyOf(request)),
  );
};

const itemRoutes = (app: FastifyInstance): void => {
  const responses = { 200: CartSchema, 404: problem, 409: commerceProblem, 422: commerceProblem };
  const schema = { tags, description: TOKEN_NOTE, headers: CartHeaders, response: responses };
  app.post<{ Params: CartParams; Body: AddCartItemInput; Headers: CartHeaders }>(
    '/store/carts/:id/items',
    { config: store, schema: { ...schema, summary: 'Add a variant (or more of it)', params: CartParams, body: AddCartItemInput } },
    async (request) => addCartItem(contextOf(request), cartKeyOf(request), request.body),
  );
  app.patch<{ Params: ItemParams; Body: UpdateCartItemInput; Headers: CartHeaders }>(
    '/store/carts/:id/items/:itemId',
    { config: store, schema: { ...schema, summary: "Set a line's quantity", params: ItemParams, body: UpdateCartItemInput } },
    async (request) => updateCartItem(contextOf(request), cartKeyOf(request), request.params.itemId, request.body),
  );
  app.delete<{ Params: ItemParams; Headers: CartHeaders }>(
    '/store/carts/:id/items/:itemId',
    { config: store, schema: { ...schema, summary: 'Remove a line', params: ItemParams } },
    async (request) => removeCartItem(contextOf(request), cartKeyOf(request), request.params.itemId),
  );
};

/** Storefront: carts (reached with their tokens), their lines, checkout, and the customer's orders. */
export const storeRoutes: FastifyPluginAsync = async (app) => {
  app.setErrorHandler(commerceErrorHandler);
  cartRoutes(app);
  oneCartRoutes(app);
  itemRoutes(app);
  storeCheckoutRoutes(app);
  storeOrderRoutes(app);
};
