import { mcpContextOf } from '@rustok/api';
import { defineMcpTool, Id, type McpTool } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import { CAPABILITY_TOKEN_PATTERN } from '../capability.js';
import { AddCartItemInput, CartCreatedSchema, CartSchema, CreateCartInput, strict, UpdateCartInput } from '../schemas/cart.js';
import { addCartItem } from '../use-cases/cart/add-item.js';
import { createCart } from '../use-cases/cart/create-cart.js';
import { getCart } from '../use-cases/cart/get-cart.js';
import { updateCart } from '../use-cases/cart/update-cart.js';
import { removeCartItem, updateCartItem } from '../use-cases/cart/update-item.js';

/** A cart is an explicit handle: its id and the secret token answered when it was made (the endpoint keeps no session). */
export const CartHandle = {
  cartId: Id(),
  cartToken: Type.String({ pattern: CAPABILITY_TOKEN_PATTERN, description: 'The cartToken create_cart answered' }),
};

const keyOf = (input: { cartId: string; cartToken: string }) => ({ id: input.cartId, token: input.cartToken });

const shop = { surface: 'shop', permission: null } as const;

const createCartTool = defineMcpTool({
  name: 'create_cart',
  title: 'Start a cart',
  description: 'Start a cart in one currency. Keep cartId and cartToken: every later cart call needs both.',
  input: CreateCartInput,
  output: CartCreatedSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  ...shop,
  handler: (ctx, input) => createCart(mcpContextOf(ctx), input),
});

const getCartTool = defineMcpTool({
  name: 'get_cart',
  title: 'Read a cart',
  description: 'A cart with its lines and totals priced now (minor units).',
  input: strict(CartHandle),
  output: CartSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
  ...shop,
  handler: (ctx, input) => getCart(mcpContextOf(ctx), keyOf(input)),
});

const LineChange = strict({ itemId: Id(), quantity: Type.Integer({ minimum: 0, maximum: 10_000, description: '0 removes the line' }) });

const UpdateCartToolInput = strict({
  ...CartHandle,
  add: Type.Optional(Type.Array(AddCartItemInput, { maxItems: 50, description: 'Variants to add (or add more of)' })),
  lines: Type.Optional(Type.Array(LineChange, { maxItems: 50, description: 'Lines whose quantity to set (0 removes)' })),
  details: Type.Optional(UpdateCartInput),
});

const updateCartTool = defineMcpTool({
  name: 'update_cart',
  title: 'Change a cart',
  description:
    'Add variants, set or remove lines, and set e-mail, country, discount code or shipping option (null clears), in that order. Answers the cart.',
  input: UpdateCartToolInput,
  output: CartSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
  ...shop,
  handler: async (ctx, input) => {
    const c = mcpContextOf(ctx);
    const key = keyOf(input);
    for (const item of input.add ?? []) await addCartItem(c, key, item);
    for (const line of input.lines ?? []) {
      if (line.quantity === 0) await removeCartItem(c, key, line.itemId);
      else await updateCartItem(c, key, line.itemId, { quantity: line.quantity });
    }
    return input.details ? updateCart(c, key, input.details) : getCart(c, key);
  },
});

export const cartTools: readonly McpTool[] = [createCartTool, getCartTool, updateCartTool];
