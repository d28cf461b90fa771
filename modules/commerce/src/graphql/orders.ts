import type { GraphQLBuilder } from '@rustok/kernel';
import { graphqlContextOf } from '../routes/request.js';
import type { CheckoutInput, OrderStatus } from '../schemas/order.js';
import { addCartItem } from '../use-cases/cart/add-item.js';
import { createCart } from '../use-cases/cart/create-cart.js';
import { getCart } from '../use-cases/cart/get-cart.js';
import { updateCart } from '../use-cases/cart/update-cart.js';
import { removeCartItem, updateCartItem } from '../use-cases/cart/update-item.js';
import { checkoutCart } from '../use-cases/checkout/checkout.js';
import { getOrder } from '../use-cases/orders/get-order.js';
import { listOrders } from '../use-cases/orders/list-orders.js';
import { authorizePayment, capturePayment, refundPayment } from '../use-cases/orders/payments.js';
import { transitionOrder } from '../use-cases/orders/transition-order.js';
import { clean, idArg, pageArgs } from './catalog-types.js';
import { addShopFields } from './orders-shop.js';
import { addOrderTypes, type OrderTypes } from './orders-types.js';

/** Drops keys GraphQL left undefined; explicit nulls stay (they clear a cart field). */
const given = <T extends object>(input: T): T => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;

const addInputs = (builder: GraphQLBuilder) => {
  const Address = builder.inputType('CommerceAddressInput', {
    fields: (t) => ({
      name: t.string({ required: true }),
      company: t.string(),
      line1: t.string({ required: true }),
      line2: t.string(),
      city: t.string({ required: true }),
      region: t.string(),
      postalCode: t.string(),
      countryCode: t.string({ required: true }),
      phone: t.string(),
    }),
  });
  const Checkout = builder.inputType('CommerceCheckoutInput', {
    fields: (t) => ({
      email: t.string({ required: true }),
      shippingAddress: t.field({ type: Address, required: true }),
      billingAddress: t.field({ type: Address }),
    }),
  });
  const UpdateCart = builder.inputType('UpdateCommerceCartInput', {
    description: 'Fields to change; null clears one',
    fields: (t) => ({ email: t.string(), countryCode: t.string(), discountCode: t.string(), shippingOptionId: t.id() }),
  });
  return { Checkout, UpdateCart };
};

const store = { public: true } as const;

const addCartQueries = (builder: GraphQLBuilder, types: OrderTypes) => {
  builder.queryField('commerceCart', (t) =>
    t.field({
      type: types.Cart,
      authScopes: store,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => getCart(graphqlContextOf(ctx), idArg(a.id)),
    }),
  );
  builder.mutationField('createCommerceCart', (t) =>
    t.field({
      type: types.Cart,
      authScopes: store,
      args: { currencyCode: t.arg.string({ required: true }), email: t.arg.string(), countryCode: t.arg.string() },
      resolve: (_r, a, ctx) =>
        createCart(graphqlContextOf(ctx), clean({ currencyCode: a.currencyCode, email: a.email, countryCode: a.countryCode }) as never),
    }),
  );
};

const addCartMutations = (builder: GraphQLBuilder, types: OrderTypes, inputs: ReturnType<typeof addInputs>) => {
  builder.mutationField('addCommerceCartItem', (t) =>
    t.field({
      type: types.Cart,
      authScopes: store,
      args: { cartId: t.arg.id({ required: true }), variantId: t.arg.id({ required: true }), quantity: t.arg.int({ required: true }) },
      resolve: (_r, a, ctx) => addCartItem(graphqlContextOf(ctx), idArg(a.cartId), { variantId: idArg(a.variantId), quantity: a.quantity }),
    }),
  );
  builder.mutationField('updateCommerceCartItem', (t) =>
    t.field({
      type: types.Cart,
      authScopes: store,
      args: { cartId: t.arg.id({ required: true }), itemId: t.arg.id({ required: true }), quantity: t.arg.int({ required: true }) },
      resolve: (_r, a, ctx) => updateCartItem(graphqlContextOf(ctx), idArg(a.cartId), idArg(a.itemId), { quantity: a.quantity }),
    }),
  );
  builder.mutationField('removeCommerceCartItem', (t) =>
    t.field({
      type: types.Cart,
      authScopes: store,
      args: { cartId: t.arg.id({ required: true }), itemId: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => removeCartItem(graphqlContextOf(ctx), idArg(a.cartId), idArg(a.itemId)),
    }),
  );
  builder.mutationField('updateCommerceCart', (t) =>
    t.field({
      type: types.Cart,
      authScopes: store,
      args: { cartId: t.arg.id({ required: true }), input: t.arg({ type: inputs.UpdateCart, required: true }) },
      resolve: (_r, a, ctx) => updateCart(graphqlContextOf(ctx), idArg(a.cartId), given({ ...a.input }) as never),
    }),
  );
};

const addCheckoutField = (builder: GraphQLBuilder, types: OrderTypes, inputs: ReturnType<typeof addInputs>) => {
  builder.mutationField('checkoutCommerceCart', (t) =>
    t.field({
      type: types.OrderRef,
      authScopes: { public: true },
      description: 'Place the order of a cart; the same idempotencyKey answers the same order',
      args: {
        cartId: t.arg.id({ required: true }),
        input: t.arg({ type: inputs.Checkout, required: true }),
        idempotencyKey: t.arg.string(),
      },
      resolve: async (_r, a, ctx) =>
        (await checkoutCart(graphqlContextOf(ctx), idArg(a.cartId), clean({ ...a.input }) as CheckoutInput, a.idempotencyKey ?? null))
          .order,
    }),
  );
};

const addOrderFields = (builder: GraphQLBuilder, types: OrderTypes) => {
  builder.queryField('commerceOrder', (t) =>
    t.field({
      type: types.OrderRef,
      authScopes: { authenticated: true },
      description: 'One order (commerce.orders.read, or read_own for your own)',
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => getOrder(graphqlContextOf(ctx), idArg(a.id)),
    }),
  );
  builder.queryField('commerceOrders', (t) =>
    t.field({
      type: types.Connection,
      authScopes: { authenticated: true },
      args: { status: t.arg.string(), first: t.arg.int(), after: t.arg.string() },
      resolve: (_r, a, ctx) =>
        listOrders(graphqlContextOf(ctx), { ...pageArgs(a), ...(a.status ? { status: a.status as OrderStatus } : {}) }),
    }),
  );
  builder.mutationField('transitionCommerceOrder', (t) =>
    t.field({
      type: types.OrderRef,
      authScopes: { authenticated: true },
      args: { id: t.arg.id({ required: true }), to: t.arg.string({ required: true }), note: t.arg.string() },
      resolve: (_r, a, ctx) =>
        transitionOrder(graphqlContextOf(ctx), idArg(a.id), clean({ to: a.to as OrderStatus, note: a.note }) as never),
    }),
  );
};

const addPaymentFields = (builder: GraphQLBuilder, types: OrderTypes) => {
  builder.mutationField('authorizeCommercePayment', (t) =>
    t.field({
      type: types.OrderRef,
      authScopes: { permission: 'commerce.orders.manage' },
      args: { orderId: t.arg.id({ required: true }), provider: t.arg.string() },
      resolve: (_r, a, ctx) => authorizePayment(graphqlContextOf(ctx), idArg(a.orderId), a.provider ? { provider: a.provider } : {}),
    }),
  );
  builder.mutationField('captureCommercePayment', (t) =>
    t.field({
      type: types.OrderRef,
      authScopes: { permission: 'commerce.orders.manage' },
      args: { orderId: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => capturePayment(graphqlContextOf(ctx), idArg(a.orderId)),
    }),
  );
  builder.mutationField('refundCommercePayment', (t) =>
    t.field({
      type: types.OrderRef,
      authScopes: { permission: 'commerce.orders.refund' },
      args: { orderId: t.arg.id({ required: true }) },
      resolve: (_r, a, ctx) => refundPayment(graphqlContextOf(ctx), idArg(a.orderId)),
    }),
  );
};

/** Carts, checkout, orders, payments and shop settings over the same use-cases as REST. */
export const ordersGraphQL = (builder: GraphQLBuilder): void => {
  const types = addOrderTypes(builder);
  const inputs = addInputs(builder);
  addCartQueries(builder, types);
  addCartMutations(builder, types, inputs);
  addCheckoutField(builder, types, inputs);
  addOrderFields(builder, types);
  addPaymentFields(builder, types);
  addShopFields(builder, types);
};
