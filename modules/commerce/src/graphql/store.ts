import { graphqlContextOf } from '@rustok/api';
import { type GraphQLBuilder, withoutNulls } from '@rustok/kernel';

import { CreateCartInput, UpdateCartInput } from '../schemas/cart.js';

import { AddressSchema, CheckoutInput, ListOrdersQuery } from '../schemas/order.js';

import { addCartItem } from '../use-cases/cart/add-item.js';

import type { CartKey } from '../use-cases/cart/cart-store.js';

import { claimCart } from '../use-cases/cart/claim-cart.js';

import { createCart } from '../use-cases/cart/create-cart.js';

import { getCart } from '../use-cases/cart/get-cart.js';

import { listMyCarts } from '../use-cases/cart/list-carts.js';

import { updateCart } from '../use-cases/cart/update-cart.js';

import { removeCartItem, updateCartItem } from '../use-cases/cart/update-item.js';

import { checkoutCart } from '../use-cases/checkout/checkout.js';

import { getStoreOrder, listStoreOrders } from '../use-cases/orders/store-orders.js';

import { commerceTypes, idArg, pageArgs } from './catalog-types.js';

import type { OrderTypes } from './orders-types.js';

/**
 * The storefront's cart, checkout and order operations. A cart operation takes the cart's token
 * (`cartToken`, answered by createCommerceCart) unless the signed-in customer owns the cart; an
 * id without it is answered as a missing cart (COMMERCE_CART_NOT_FOUND).
 */

/** Drops keys GraphQL left undefined; explicit nulls stay (they clear a cart field). */
const given = <T extends object>(input: T): T => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;

const store = { public: true } as const;
type ArgBuilder = Parameters<Parameters<GraphQLBuilder['mutationField']>[1]>[0]['arg'];
/** The arguments that name a cart: its id and, for a guest's cart, its token. */
const cartArgs = (arg: ArgBuilder) => ({ cartId: arg.id({ required: true }), cartToken: arg.string() });
const keyOf = (a: { cartId: string | number; cartToken?: string | null }): CartKey => ({ id: idArg(a.cartId), token: a.cartToken ?? null });

const addInputs = (builder: GraphQLBuilder) => {
  const derive = commerceTypes(builder);
  derive.input(AddressSchema, { name: 'CommerceAddressInput' });
  return {
    Checkout: derive.input(CheckoutInput, { name: 'CommerceCheckoutInput' }),
    UpdateCart: derive.input(UpdateCartInput, { name: 'UpdateCommerceCartInput', description: 'Fields to change; null clears one' }),
  };
};
type Inputs = ReturnType<typeof addInputs>;

const addCartQueries = (builder: GraphQLBuilder, types: OrderTypes) => {
  builder.queryField('commerceCart', (t) =>
    t.field({
      type: types.Cart,
      authScopes: store,
      args: { id: t.arg.id({ required: true }), cartToken: t.arg.string() },
      resolve: (_r, a, ctx) => getCart(graphqlContextOf(ctx), keyOf({ cartId: a.id, cartToken: a.cartToken })),
    }),
  );
  builder.mutationField('createCommerceCart', (t) =>
    t.field({
      type: types.CartCreated,
      authScopes: store,
      description: 'A new cart; cartToken is shown only here',
      args: commerceTypes(builder).args(t.arg, CreateCartInput),
      resolve: (_r, a, ctx) => createCart(graphqlContextOf(ctx), withoutNulls(a)),
    }),
  );
  builder.mutationField('claimCommerceCart', (t) =>
    t.field({
      type: types.Cart,
      authScopes: { authenticated: true },
      description: 'The signed-in customer takes over a guest cart whose token they hold',
      args: { cartId: t.arg.id({ required: true }), cartToken: t.arg.string({ required: true }) },
      resolve: (_r, a, ctx) => claimCart(graphqlContextOf(ctx), keyOf(a)),
    }),
  );
};

const addCartMutations = (builder: GraphQLBuilder, types: OrderTypes, inputs: Inputs) => {
  builder.mutationField('addCommerceCartItem', (t) =>
    t.field({
      type: types.Cart,
      authScopes: store,
      args: {
        ...cartArgs(t.arg),
        variantId: t.arg.id({ required: true }),
        quantity: t.arg.int({ required: true }),
      },
      resolve: (_r, a, ctx) => addCartItem(graphqlContextOf(ctx), keyOf(a), { variantId: idArg(a.variantId), quantity: a.quantity }),
    }),
  );
  builder.mutationField('updateCommerceCartItem', (t) =>
    t.field({
      type: types.Cart,
      authScopes: store,
      args: {
        ...cartArgs(t.arg),
        itemId: t.arg.id({ required: true }),
        quantity: t.arg.int({ required: true }),
      },
      resolve: (_r, a, ctx) => updateCartItem(graphqlContextOf(ctx), keyOf(a), idArg(a.itemId), { quantity: a.quantity }),
    }),
  );
  builder.mutationField('removeCommerceCartItem', (t) =>
    t.field({
      type: types.Cart,
      authScopes: store,
      args: { ...cartArgs(t.arg), itemId: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => removeCartItem(graphqlContextOf(ctx), keyOf(a), idArg(a.itemId)),
    }),
  );
  builder.mutationField('updateCommerceCart', (t) =>
    t.field({
      type: types.Cart,
      authScopes: store,
      args: { ...cartArgs(t.arg), input: t.arg({ type: inputs.UpdateCart, required: true }) },
      resolve: (_r, a, ctx) => updateCart(graphqlContextOf(ctx), keyOf(a), given({ ...a.input })),
    }),
  );
};

const addCheckoutField = (builder: GraphQLBuilder, types: OrderTypes, inputs: Inputs) => {
  builder.mutationField('checkoutCommerceCart', (t) =>
    t.field({
      type: types.CheckoutResult,
      authScopes: store,
      description: 'Place the order of a cart; answers the order and its token. The same idempotencyKey answers the same order',
      args: {
        ...cartArgs(t.arg),
        input: t.arg({ type: inputs.Checkout, required: true }),
        idempotencyKey: t.arg.string(),
      },
      resolve: async (_r, a, ctx) => {
        const input = withoutNulls(a.input);
        const { order, orderToken } = await checkoutCart(graphqlContextOf(ctx), keyOf(a), input, a.idempotencyKey ?? null);
        return { order, orderToken };
      },
    }),
  );
};

const addMyCarts = (builder: GraphQLBuilder, types: OrderTypes) => {
  builder.queryField('commerceStoreCarts', (t) =>
    t.field({
      type: types.CartConnection,
      authScopes: { authenticated: true },
      description: "The signed-in customer's open carts, newest first (at most 20 a page)",
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (_r, a, ctx) => listMyCarts(graphqlContextOf(ctx), { limit: a.first ?? 10, ...(a.after ? { cursor: a.after } : {}) }),
    }),
  );
};

const addStoreOrderFields = (builder: GraphQLBuilder, types: OrderTypes) => {
  builder.queryField('commerceStoreOrders', (t) =>
    t.field({
      type: types.Connection,
      authScopes: { authenticated: true },
      description: "The signed-in customer's own orders, newest first",
      args: { ...commerceTypes(builder).args(t.arg, ListOrdersQuery, ['status']), first: t.arg.int(), after: t.arg.string() },
      resolve: (_r, a, ctx) => listStoreOrders(graphqlContextOf(ctx), { ...pageArgs(a), ...(a.status ? { status: a.status } : {}) }),
    }),
  );
  builder.queryField('commerceStoreOrder', (t) =>
    t.field({
      type: types.OrderRef,
      authScopes: store,
      description: "One order, with one of its tokens (guests) or as the customer who placed it; with email, the order's must match",
      args: { id: t.arg.id({ required: true }), orderToken: t.arg.string(), email: t.arg.string() },
      resolve: (_r, a, ctx) =>
        getStoreOrder(graphqlContextOf(ctx), { id: idArg(a.id), token: a.orderToken ?? null, email: a.email ?? null }),
    }),
  );
};

/** Carts (with their tokens), checkout and the customer's orders, over the same use-cases as the REST store routes. */
export const storeGraphQL = (builder: GraphQLBuilder, types: OrderTypes): void => {
  const inputs = addInputs(builder);
  addCartQueries(builder, types);
  addCartMutations(builder, types, inputs);
  addCheckoutField(builder, types, inputs);
  addMyCarts(builder, types);
  addStoreOrderFields(builder, types);
};
