import { Email, Id, Nullable, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { ORDER_STATUSES } from '../events.js';
import { CountryCode, LINE_AMOUNTS, Money, ShippingChoice, strict } from './cart.js';
import { CURRENCY_CODE } from './descriptions.js';

const Line = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const OptionalLine = (max: number) => Type.Optional(Type.String({ maxLength: max }));

/** A postal address as the order keeps it (a snapshot; no free-form fields). */
export const AddressSchema = strict({
  name: Line(200),
  company: OptionalLine(200),
  line1: Line(300),
  line2: OptionalLine(300),
  city: Line(100),
  region: OptionalLine(100),
  postalCode: Type.Optional(Type.String({ maxLength: 20 })),
  countryCode: CountryCode(),
  phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9+() .-]*$' })),
});
export type Address = Static<typeof AddressSchema>;

export const CheckoutInput = strict({
  email: Email(),
  shippingAddress: AddressSchema,
  billingAddress: Type.Optional(AddressSchema),
  /** The customer's locale (BCP 47, e.g. de or de-AT): the order's mails are written in it. */
  locale: Type.Optional(Type.String({ pattern: '^[a-z]{2}(-[A-Z]{2})?$' })),
});
export type CheckoutInput = Static<typeof CheckoutInput>;

export const OrderStatusSchema = Type.Union(ORDER_STATUSES.map((s) => Type.Literal(s)));
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TransitionInput = strict({ to: OrderStatusSchema, note: Type.Optional(Type.String({ maxLength: 2000 })) });
export type TransitionInput = Static<typeof TransitionInput>;

export const PaymentInput = strict({ provider: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_-]{0,63}$' })) });
export type PaymentInput = Static<typeof PaymentInput>;

/** What `q` finds: an order number (`#` optional, exact) or the start of the customer's e-mail address (any case). */
export const ORDER_SEARCH =
  "An order number (exact; with a leading # only the number is matched) or the beginning of the customer's e-mail address (case-insensitive)";

export const ListOrdersQuery = strict({
  status: Type.Optional(OrderStatusSchema),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 320, pattern: '\\S', description: ORDER_SEARCH })),
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Id()),
});
export type ListOrdersQuery = Static<typeof ListOrdersQuery>;

export const OrderLineSchema = strict({
  id: Id(),
  productId: Nullable(Id()),
  variantId: Nullable(Id()),
  title: Type.String(),
  variantTitle: Type.String(),
  sku: Nullable(Type.String()),
  ...LINE_AMOUNTS,
});
export type OrderLine = Static<typeof OrderLineSchema>;

export const OrderHistorySchema = strict({
  id: Id(),
  from: Nullable(OrderStatusSchema),
  to: OrderStatusSchema,
  actorId: Nullable(Id()),
  note: Nullable(Type.String()),
  createdAt: Timestamp(),
});
export type OrderHistoryEntry = Static<typeof OrderHistorySchema>;

const PAYMENT_STATUSES = ['authorized', 'captured', 'refunded', 'failed', 'voided'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const PaymentSchema = strict({
  id: Id(),
  provider: Type.String(),
  status: Type.Union(PAYMENT_STATUSES.map((s) => Type.Literal(s))),
  currencyCode: Type.String({ description: CURRENCY_CODE }),
  amount: Money(),
  refundedAmount: Money(),
  providerReference: Nullable(Type.String()),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
});
export type Payment = Static<typeof PaymentSchema>;

const summaryFields = {
  id: Id(),
  displayId: Type.Integer({ minimum: 1 }),
  status: OrderStatusSchema,
  cartId: Nullable(Id()),
  customerId: Nullable(Id()),
  email: Type.String(),
  currencyCode: Type.String({ description: CURRENCY_CODE }),
  subtotal: Money(),
  discountTotal: Money(),
  shippingTotal: Money(),
  taxTotal: Money(),
  total: Money(),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
};

/** An order in a list: its header and totals. */
export const OrderSummarySchema = strict(summaryFields);
export type OrderSummary = Static<typeof OrderSummarySchema>;

/** One order with its snapshots: lines, prices, addresses, shipping choice and totals; history and payments. */
export const OrderSchema = strict({
  ...summaryFields,
  discountCode: Nullable(Type.String()),
  shippingOption: Nullable(ShippingChoice),
  shippingAddress: AddressSchema,
  billingAddress: AddressSchema,
  lines: Type.Array(OrderLineSchema),
  history: Type.Array(OrderHistorySchema),
  payments: Type.Array(PaymentSchema),
  allowedTransitions: Type.Array(OrderStatusSchema),
});
export type Order = Static<typeof OrderSchema>;

export const OrderPage = Type.Object({ items: Type.Array(OrderSummarySchema), nextCursor: Nullable(Type.String()) });
export interface Paged<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** 409 COMMERCE_INSUFFICIENT_STOCK: the problem body names every short line. */
export const ShortLineSchema = strict({
  variantId: Id(),
  sku: Nullable(Type.String()),
  requested: Type.Integer(),
  available: Type.Integer(),
});
export type ShortLine = Static<typeof ShortLineSchema>;

/** POST /store/carts/{id}/checkout: the order and a token to read it with (`X-Order-Token`), shown this once. */
export const CheckoutResultSchema = strict({
  order: OrderSchema,
  orderToken: Type.String({ description: 'Secret capability of the order (256 bits, base64url); shown only here' }),
});
export type CheckoutResult = Static<typeof CheckoutResultSchema>;

/** GET /store/orders/{id}: with `email`, the order's e-mail address must match as well (case-insensitively). */
export const StoreOrderQuery = strict({ email: Type.Optional(Email()) });
export type StoreOrderQuery = Static<typeof StoreOrderQuery>;

/** POST /store/orders/lookup: a guest finds their order by its number and the e-mail address it was placed with. */
export const StoreOrderLookupInput = strict({
  displayId: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'The order number (as shown: #1042 → 1042)' }),
  email: Email(),
});
export type StoreOrderLookupInput = Static<typeof StoreOrderLookupInput>;
