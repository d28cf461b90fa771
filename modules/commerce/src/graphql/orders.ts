import { graphqlContextOf } from '@rustok/api';
import { type GraphQLBuilder, withoutNulls } from '@rustok/kernel';

import { ListOrdersQuery, TransitionInput } from '../schemas/order.js';

import { getOrder } from '../use-cases/orders/get-order.js';

import { listOrders } from '../use-cases/orders/list-orders.js';

import { authorizePayment, capturePayment, refundPayment } from '../use-cases/orders/payments.js';

import { transitionOrder } from '../use-cases/orders/transition-order.js';

import { commerceTypes, idArg, pageArgs } from './catalog-types.js';

import { addShopFields } from './orders-shop.js';

import { addOrderTypes, type OrderTypes } from './orders-types.js';

import { storeGraphQL } from './store.js';

const addOrderFields = (builder: GraphQLBuilder, types: OrderTypes) => {
  const derive = commerceTypes(builder);
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
      args: { ...derive.args(t.arg, ListOrdersQuery, ['status', 'q']), first: t.arg.int(), after: t.arg.string() },
      resolve: (_r, a, ctx) =>
        listOrders(graphqlContextOf(ctx), {
          ...pageArgs(a),
          ...(a.status ? { status: a.status } : {}),
          ...(typeof a.q === 'string' ? { q: a.q } : {}),
        }),
    }),
  );
  builder.mutationField('transitionCommerceOrder', (t) =>
    t.field({
      type: types.OrderRef,
      authScopes: { authenticated: true },
      args: { id: t.arg.id({ required: true }), ...derive.args(t.arg, TransitionInput) },
      resolve: (_r, { id, ...input }, ctx) => transitionOrder(graphqlContextOf(ctx), idArg(id), withoutNulls(input)),
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
  storeGraphQL(builder, types);
  addOrderFields(builder, types);
  addPaymentFields(builder, types);
  addShopFields(builder, types);
};
