import { mcpContextOf } from '@rustok/api';
import { defineMcpTool, Id, type McpTool } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { strict } from '../schemas/cart.js';
import { CreateProductInput, UpdateProductInput } from '../schemas/catalog.js';
import { ProductView } from '../schemas/catalog-views.js';
import { ListOrdersQuery, OrderPage, OrderSchema, TransitionInput } from '../schemas/order.js';
import { createProduct } from '../use-cases/catalog/create-product.js';
import { publishProduct } from '../use-cases/catalog/product-status.js';
import { updateProduct } from '../use-cases/catalog/update-product.js';
import { listOrders } from '../use-cases/orders/list-orders.js';
import { refundPayment } from '../use-cases/orders/payments.js';
import { transitionOrder } from '../use-cases/orders/transition-order.js';

const write = { readOnlyHint: false, destructiveHint: false, idempotentHint: false } as const;
const admin = 'admin' as const;
/** The moves transition_order makes (a refund is refund_order's, with confirm). */
const MOVES = ['paid', 'fulfilled', 'shipped', 'delivered', 'cancelled'] as const;

const createProductTool = defineMcpTool({
  name: 'create_product',
  title: 'Create a product',
  description: 'Create a product (a draft unless status says otherwise) with variants, prices (minor units), stock and translations.',
  input: CreateProductInput,
  output: ProductView,
  annotations: write,
  surface: admin,
  permission: 'commerce.products.write',
  handler: (ctx, input) => createProduct(mcpContextOf(ctx), input),
});

const updateProductTool = defineMcpTool({
  name: 'update_product',
  title: 'Change a product',
  description: 'Change fields, handle, translations (null removes one) or status of a product.',
  input: strict({ productId: Id(), changes: UpdateProductInput }),
  output: ProductView,
  annotations: { ...write, idempotentHint: true },
  surface: admin,
  permission: 'commerce.products.write',
  handler: (ctx, input) => updateProduct(mcpContextOf(ctx), input.productId, input.changes),
});

const publishProductTool = defineMcpTool({
  name: 'publish_product',
  title: 'Publish a product',
  description: 'Publish a product: the storefront shows it from then on.',
  input: strict({ productId: Id() }),
  output: ProductView,
  annotations: { ...write, idempotentHint: true },
  surface: admin,
  permission: 'commerce.products.publish',
  handler: (ctx, input) => publishProduct(mcpContextOf(ctx), input.productId),
});

const findOrdersTool = defineMcpTool({
  name: 'find_orders',
  title: 'Find orders',
  description: 'Orders newest first, by status or by number / e-mail (q); keyset pages (cursor).',
  input: ListOrdersQuery,
  output: OrderPage,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  surface: admin,
  permission: 'commerce.orders.read',
  handler: (ctx, input) => listOrders(mcpContextOf(ctx), input),
});

const transitionOrderTool = defineMcpTool({
  name: 'transition_order',
  title: 'Move an order',
  description:
    'Move an order: pending → paid → fulfilled → shipped → delivered, or cancelled. Refunds go through refund_order. Answers the order.',
  input: strict({ orderId: Id(), ...TransitionInput.properties, to: Type.Union(MOVES.map((s) => Type.Literal(s))) }),
  output: OrderSchema,
  annotations: write,
  surface: admin,
  permission: 'commerce.orders.manage',
  handler: (ctx, input) =>
    transitionOrder(mcpContextOf(ctx), input.orderId, { to: input.to, ...(input.note === undefined ? {} : { note: input.note }) }),
});

const refundOrderTool = defineMcpTool({
  name: 'refund_order',
  title: 'Refund an order',
  description: 'Refund the captured payment of an order in full; the order becomes refunded. Needs confirm: true.',
  input: strict({ orderId: Id() }),
  output: OrderSchema,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false },
  surface: admin,
  permission: 'commerce.orders.refund',
  handler: (ctx, input) => refundPayment(mcpContextOf(ctx), input.orderId),
});

export const adminTools: readonly McpTool[] = [
  createProductTool,
  updateProductTool,
  publishProductTool,
  findOrdersTool,
  transitionOrderTool,
  refundOrderTool,
];
