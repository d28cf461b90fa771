import { Email, Id, Nullable, Timestamp } from '@rustok/kernel';
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { CURRENCY_CODE, MINOR_UNITS } from './descriptions.js';

export const strict = <T extends Record<string, TSchema>>(props: T) => Type.Object(props, { additionalProperties: false });
export const Money = () => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: MINOR_UNITS });
export const CurrencyInput = () => Type.String({ pattern: '^[A-Z]{3}$', description: CURRENCY_CODE });
export const CountryCode = () => Type.String({ pattern: '^[A-Z]{2}$' });
export const DiscountCode = () => Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });
const Quantity = () => Type.Integer({ minimum: 1, maximum: 10_000 });

const CART_STATUSES = ['open', 'completed', 'expired'] as const;

export const CreateCartInput = strict({
  currencyCode: CurrencyInput(),
  email: Type.Optional(Email()),
  countryCode: Type.Optional(CountryCode()),
});
export type CreateCartInput = Static<typeof CreateCartInput>;

export const AddCartItemInput = strict({ variantId: Id(), quantity: Quantity() });
export type AddCartItemInput = Static<typeof AddCartItemInput>;

export const UpdateCartItemInput = strict({ quantity: Quantity() });
export type UpdateCartItemInput = Static<typeof UpdateCartItemInput>;

/** PATCH /store/carts/{id}: null clears a field. */
export const UpdateCartInput = strict({
  email: Type.Optional(Nullable(Email())),
  countryCode: Type.Optional(Nullable(CountryCode())),
  discountCode: Type.Optional(Nullable(DiscountCode())),
  shippingOptionId: Type.Optional(Nullable(Id())),
});
export type UpdateCartInput = Static<typeof UpdateCartInput>;

/** Why a line cannot be bought as it is (it counts for nothing in the totals then). */
export const CART_LINE_PROBLEMS = ['PRODUCT_UNAVAILABLE', 'PRICE_MISSING'] as const;

/** A line's quantity and money (minor units): subtotal − discount + tax = total; carts and orders show the same. */
export const LINE_AMOUNTS = {
  quantity: Type.Integer(),
  unitPrice: Money(),
  subtotal: Money(),
  discountTotal: Money(),
  taxTotal: Money(),
  total: Money(),
};

export const CartItemSchema = strict({
  id: Id(),
  variantId: Id(),
  productId: Nullable(Id()),
  title: Type.String(),
  variantTitle: Type.String(),
  sku: Nullable(Type.String()),
  ...LINE_AMOUNTS,
  problem: Nullable(Type.Union(CART_LINE_PROBLEMS.map((p) => Type.Literal(p)))),
});
export type CartItem = Static<typeof CartItemSchema>;

export const ShippingChoice = strict({ id: Id(), name: Type.String(), amount: Money() });
export type ShippingChoice = Static<typeof ShippingChoice>;

export const CartSchema = strict({
  id: Id(),
  status: Type.Union(CART_STATUSES.map((s) => Type.Literal(s))),
  currencyCode: Type.String({ description: CURRENCY_CODE }),
  customerId: Nullable(Id()),
  email: Nullable(Type.String()),
  countryCode: Nullable(Type.String()),
  discountCode: Nullable(Type.String()),
  /** False when the cart's code no longer applies (expired, used up, other currency): no discount then. */
  discountApplied: Type.Boolean(),
  shippingOption: Nullable(ShippingChoice),
  taxRateBp: Type.Integer(),
  orderId: Nullable(Id()),
  items: Type.Array(CartItemSchema),
  subtotal: Money(),
  discountTotal: Money(),
  taxTotal: Money(),
  shippingTotal: Money(),
  total: Money(),
  expiresAt: Timestamp(),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});
export type Cart = Static<typeof CartSchema>;

/** POST /store/carts: the cart and its token, shown this once (send it as `X-Cart-Token` with every later call). */
export const CartCreatedSchema = strict({
  cart: CartSchema,
  cartToken: Type.String({ description: 'Secret capability of the cart (256 bits, base64url); shown only here' }),
});
export type CartCreated = Static<typeof CartCreatedSchema>;

/** GET /store/carts: a page of the signed-in customer's open carts (each priced in full, so pages are small). */
export const ListCartsQuery = strict({
  limit: Type.Integer({ minimum: 1, maximum: 20, default: 10 }),
  cursor: Type.Optional(Id()),
});
export type ListCartsQuery = Static<typeof ListCartsQuery>;

export const CartPage = Type.Object({ items: Type.Array(CartSchema), nextCursor: Nullable(Type.String()) });
