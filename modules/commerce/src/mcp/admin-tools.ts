import { adminTool } from '@rustok/api';
import { Id, type McpTool } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { strict } from '../schemas/cart.js';
import { CreateProductInput, SetInventoryInput, SetPricesInput, UpdateProductInput } from '../schemas/catalog.js';
import { InventoryView, ProductView, VariantView } from '../schemas/catalog-views.js';
import { ListOrdersQuery, OrderPage, OrderSchema, TransitionInput } from '../schemas/order.js';
import { createProduct } from '../use-cases/catalog/create-product.js';
import { setInventory } from '../use-cases/catalog/inventory.js';
import { publishProduct } from '../use-cases/catalog/product-status.js';
import { setVariantPrices } from '../use-cases/catalog/set-variant-prices.js';
import { updateProduct } from '../use-cases/catalog/update-product.js';
import { listOrders } from '../use-cases/orders/list-orders.js';
import { refundPayment } from '../use-cases/orders/payments.js';
import { transitionOrder } from '../use-cases/orders/transition-order.js';

/** The moves transition_order makes (a refund is refund_order's, with confirm). */
const MOVES = ['paid', 'fulfilled', 'shipped', 'delivered', 'cancelled'] as const;

const productTools: McpTool[] = [
  adminTool({
    name: 'create_product',
    title: 'Create a product',
    description: 'Create a product (a draft unless status says otherwise) with variants, prices (minor units), stock and translations.',
    input: CreateProductInput,
    output: ProductView,
    effect: 'write',
    permission: 'commerce.products.write',
    run: (c, input) => createProduct(c, input),
  }),
  adminTool({
    name: 'update_product',
    title: 'Change a product',
    description: 'Change fields, handle, translations (null removes one) or status of a product.',
    input: strict({ productId: Id(), changes: UpdateProductInput }),
    output: ProductView,
    effect: 'idempotent',
    permission: 'commerce.products.write',
    run: (c, input) => updateProduct(c, input.productId, input.changes),
  }),
  adminTool({
    name: 'publish_product',
    title: 'Publish a product',
    description: 'Publish a product: the storefront shows it from then on.',
    input: strict({ productId: Id() }),
    output: ProductView,
    effect: 'idempotent',
    permission: 'commerce.products.publish',
    run: (c, input) => publishProduct(c, input.productId),
  }),
  adminTool({
    name: 'set_variant_prices',
    title: "Set a variant's prices",
    description: "Replace a variant's base prices: every currency and quantity tier, amounts in minor units (cents).",
    input: strict({ variantId: Id(), ...SetPricesInput.properties }),
    output: VariantView,
    effect: 'idempotent',
    permission: 'commerce.prices.manage',
    run: (c, { variantId, ...prices }) => setVariantPrices(c, variantId, prices),
  }),
  adminTool({
    name: 'set_variant_stock',
    title: "Set a variant's stock",
    description: 'Set how many units of a variant are available (the adjustment is recorded with its delta).',
    input: strict({ variantId: Id(), ...SetInventoryInput.properties }),
    output: InventoryView,
    effect: 'idempotent',
    permission: 'commerce.inventory.manage',
    run: (c, { variantId, ...stock }) => setInventory(c, variantId, stock),
  }),
];

const orderTools: McpTool[] = [
  adminTool({
    name: 'find_orders',
    title: 'Find orders',
    description: 'Orders newest first, by status or by number / e-mail (q); keyset pages (cursor).',
    input: ListOrdersQuery,
    output: OrderPage,
    effect: 'read',
    permission: 'commerce.orders.read',
    run: (c, input) => listOrders(c, input),
  }),
  adminTool({
    name: 'transition_order',
    title: 'Move an order',
    description:
      'Move an order: pending → paid → fulfilled → shipped → delivered, or cancelled. Refunds go through refund_order. Answers the order.',
    input: strict({ orderId: Id(), ...TransitionInput.properties, to: Type.Union(MOVES.map((s) => Type.Literal(s))) }),
    output: OrderSchema,
    effect: 'write',
    permission: 'commerce.orders.manage',
    run: (c, input) => transitionOrder(c, input.orderId, { to: input.to, ...(input.note === undefined ? {} : { note: input.note }) }),
  }),
  adminTool({
    name: 'refund_order',
    title: 'Refund an order',
    description: 'Refund the captured payment of an order in full; the order becomes refunded. Needs confirm: true.',
    input: strict({ orderId: Id() }),
    output: OrderSchema,
    effect: 'destructive',
    permission: 'commerce.orders.refund',
    run: (c, input) => refundPayment(c, input.orderId),
  }),
];

/** Commerce's staff tools: products (with prices and stock) and orders. */
export const adminTools: readonly McpTool[] = [...productTools, ...orderTools];
