import { mcpContextOf } from '@rustok/api';
import { defineMcpTool, Id, type McpTool } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { CAPABILITY_TOKEN_PATTERN } from '../capability.js';
import { strict } from '../schemas/cart.js';
import { CheckoutInput, CheckoutResultSchema, OrderSchema } from '../schemas/order.js';
import { checkoutCart } from '../use-cases/checkout/checkout.js';
import { getStoreOrder } from '../use-cases/orders/store-orders.js';
import { CartHandle } from './cart-tools.js';

const shop = { surface: 'shop', permission: null } as const;

const CheckoutToolInput = strict({
  ...CartHandle,
  idempotencyKey: Type.String({
    minLength: 1,
    maxLength: 255,
    description: 'Any unique text; calling again with the same key answers the same order instead of a second one',
  }),
  ...CheckoutInput.properties,
});

const checkoutTool = defineMcpTool({
  name: 'checkout',
  title: 'Place the order',
  description:
    'Place the order of a cart: stock reserved, prices and totals fixed. Answers the order and an orderToken to read it later (get_order).',
  input: CheckoutToolInput,
  output: CheckoutResultSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true },
  ...shop,
  handler: async (ctx, input) => {
    const { cartId, cartToken, idempotencyKey, ...checkout } = input;
    const { order, orderToken } = await checkoutCart(mcpContextOf(ctx), { id: cartId, token: cartToken }, checkout, idempotencyKey);
    return { order, orderToken };
  },
});

const getOrderTool = defineMcpTool({
  name: 'get_order',
  title: 'Look an order up',
  description: 'One order (lines, totals, status) by its id and an orderToken answered by checkout.',
  input: strict({ orderId: Id(), orderToken: Type.String({ pattern: CAPABILITY_TOKEN_PATTERN }) }),
  output: OrderSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  ...shop,
  handler: (ctx, input) => getStoreOrder(mcpContextOf(ctx), { id: input.orderId, token: input.orderToken, email: null }),
});

export const orderTools: readonly McpTool[] = [checkoutTool, getOrderTool];
