import { mcpContextOf } from '@rustok/api';
import type { McpPrompt, McpResource } from '@rustok/kernel';
import { productNotFound } from '../catalog/errors.js';
import { notFound } from '../context.js';
import { getProduct } from '../use-cases/catalog/get-product.js';
import { getOrder } from '../use-cases/orders/get-order.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `rustok://orders/{orderId}`: one order as GET /commerce/orders/{id} answers it (another tenant's is not found). */
const orderResource: McpResource = {
  uri: 'rustok://orders/{orderId}',
  name: 'order',
  title: 'An order',
  description: 'One order by id: lines, totals (minor units), addresses, status and history.',
  mimeType: 'application/json',
  surface: 'admin',
  permission: 'commerce.orders.read',
  read: async (ctx, { orderId = '' }) => {
    if (!UUID.test(orderId)) throw notFound('order', orderId.slice(0, 40));
    return JSON.stringify(await getOrder(mcpContextOf(ctx), orderId));
  },
};

/** The fields a description is written from (ids, prices and stock left out). */
const fieldsOf = (p: Awaited<ReturnType<typeof getProduct>>) => ({
  title: p.title,
  subtitle: p.subtitle,
  currentDescription: p.description,
  categories: p.categories,
  tags: p.tags,
  options: [...new Set(p.variants.flatMap((v) => Object.entries(v.options).map(([k, val]) => `${k}: ${val}`)))],
  variants: p.variants.map((v) => v.title),
  metadata: p.metadata,
});

const productDescription: McpPrompt = {
  name: 'write_product_description',
  title: 'Write a product description',
  description: "A product description written from the product's own fields, ready to save with update_product.",
  surface: 'admin',
  permission: 'commerce.products.write',
  arguments: [
    { name: 'productId', description: 'The product to describe', required: true },
    { name: 'tone', description: 'How it should sound (e.g. warm, technical); plain and friendly by default', required: false },
  ],
  render: async (ctx, { productId = '', tone }) => {
    if (!UUID.test(productId)) throw productNotFound(productId.slice(0, 40));
    const product = await getProduct(mcpContextOf(ctx), productId);
    return [
      `Write a product description for "${product.title}" in ${product.locale}, ${tone ? `in a ${tone} tone` : 'plain and friendly'}:`,
      'two short paragraphs, then up to five bullet points of facts. Use only the fields below; invent no facts, sizes or materials.',
      `When it reads well, save it with update_product { productId: "${product.id}", changes: { description } }.`,
      '',
      JSON.stringify(fieldsOf(product), null, 2),
    ].join('\n');
  },
};

const todaysOrders: McpPrompt = {
  name: 'summarise_todays_orders',
  title: "Summarise today's orders",
  description: 'A summary of the orders placed today: count, revenue per currency, statuses, anything that needs attention.',
  surface: 'admin',
  permission: 'commerce.orders.read',
  arguments: [{ name: 'date', description: 'The day (YYYY-MM-DD, UTC); today by default', required: false }],
  render: async (_ctx, { date }) => {
    const day = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : new Date().toISOString().slice(0, 10);
    return [
      `Summarise the orders placed on ${day} (UTC).`,
      'Call find_orders (newest first, follow nextCursor) until the orders are older than that day; keep those created that day.',
      'Report: how many, revenue per currency (amounts are minor units: divide by 100 for cents-based currencies), how many per status,',
      'the largest orders, and anything that needs attention (pending payment, cancelled, refunded). Read one in full with the resource rustok://orders/{orderId}.',
    ].join('\n');
  },
};

export const commerceResources: readonly McpResource[] = [orderResource];
export const commercePrompts: readonly McpPrompt[] = [productDescription, todaysOrders];
