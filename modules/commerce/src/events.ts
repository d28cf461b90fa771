import { CurrencyCode, type EventDeclaration, Id, MinorUnits } from '@rustok/kernel';
import { type Static, type TSchema, Type } from '@sinclair/typebox';

const strict = <T extends Record<string, TSchema>>(props: T) => Type.Object(props, { additionalProperties: false });
/**
 * `anyOf: [T, null]`, not the kernel's `Nullable` (`type: [T, "null"]` for primitives): the payload schemas
 * below are published as schemas/events/*.v1.json, and another representation would be a new version.
 */
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const ProductStatus = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('archived')]);
export const ORDER_STATUSES = ['pending', 'paid', 'fulfilled', 'shipped', 'delivered', 'cancelled', 'refunded'] as const;
const OrderStatus = Type.Union(ORDER_STATUSES.map((s) => Type.Literal(s)));

/** Enough for a read model to know which product to re-read, and in which version. */
export const ProductEventPayload = strict({
  productId: Id(),
  handle: Type.String({ maxLength: 200 }),
  status: ProductStatus,
  version: Type.Integer({ minimum: 1 }),
  changes: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 }),
});
export type ProductEventPayload = Static<typeof ProductEventPayload>;

export const VariantEventPayload = strict({ variantId: Id(), productId: Id(), sku: Nullable(Type.String({ maxLength: 100 })) });
export type VariantEventPayload = Static<typeof VariantEventPayload>;

export const PriceEventPayload = strict({
  productId: Id(),
  variantId: Id(),
  currencyCodes: Type.Array(CurrencyCode(), { maxItems: 200 }),
});
export type PriceEventPayload = Static<typeof PriceEventPayload>;

const INVENTORY_REASONS = ['set', 'reservation', 'release', 'restock'] as const;
export const InventoryEventPayload = strict({
  variantId: Id(),
  productId: Id(),
  delta: Type.Integer(),
  available: Type.Integer(),
  reason: Type.Union(INVENTORY_REASONS.map((r) => Type.Literal(r))),
  orderId: Nullable(Id()),
});
export type InventoryEventPayload = Static<typeof InventoryEventPayload>;

const OrderLineRef = strict({ variantId: Nullable(Id()), productId: Nullable(Id()), quantity: Type.Integer({ minimum: 1 }) });
export const OrderPlacedPayload = strict({
  orderId: Id(),
  displayId: Type.Integer({ minimum: 1 }),
  cartId: Nullable(Id()),
  customerId: Nullable(Id()),
  currencyCode: CurrencyCode(),
  total: MinorUnits(),
  lines: Type.Array(OrderLineRef, { maxItems: 1000 }),
});
export type OrderPlacedPayload = Static<typeof OrderPlacedPayload>;

export const OrderStatusChangedPayload = strict({
  orderId: Id(),
  displayId: Type.Integer({ minimum: 1 }),
  from: OrderStatus,
  to: OrderStatus,
  restocked: Type.Boolean(),
});
export type OrderStatusChangedPayload = Static<typeof OrderStatusChangedPayload>;

export const PaymentEventPayload = strict({
  paymentId: Id(),
  orderId: Id(),
  provider: Type.String({ maxLength: 64 }),
  status: Type.Union(['authorized', 'captured', 'refunded', 'failed', 'voided'].map((s) => Type.Literal(s))),
  amount: MinorUnits(),
  currencyCode: CurrencyCode(),
});
export type PaymentEventPayload = Static<typeof PaymentEventPayload>;

export const COMMERCE_EVENT = {
  productCreated: 'commerce.product.created',
  productUpdated: 'commerce.product.updated',
  productPublished: 'commerce.product.published',
  productDeleted: 'commerce.product.deleted',
  variantCreated: 'commerce.variant.created',
  variantUpdated: 'commerce.variant.updated',
  variantDeleted: 'commerce.variant.deleted',
  priceUpdated: 'commerce.price.updated',
  inventoryAdjusted: 'commerce.inventory.adjusted',
  orderPlaced: 'commerce.order.placed',
  orderStatusChanged: 'commerce.order.status_changed',
  paymentAuthorized: 'commerce.payment.authorized',
  paymentCaptured: 'commerce.payment.captured',
  paymentRefunded: 'commerce.payment.refunded',
} as const;

const declare = (type: string, description: string, payload: TSchema): EventDeclaration => ({
  type,
  schemaVersion: 1,
  description,
  payload,
});

export const commerceEvents: readonly EventDeclaration[] = [
  declare(COMMERCE_EVENT.productCreated, 'A product was created with its variants and prices', ProductEventPayload),
  declare(
    COMMERCE_EVENT.productUpdated,
    'Fields, translations or the status (other than publish) of a product changed',
    ProductEventPayload,
  ),
  declare(COMMERCE_EVENT.productPublished, 'A product became published', ProductEventPayload),
  declare(COMMERCE_EVENT.productDeleted, 'A product and its variants were deleted', ProductEventPayload),
  declare(COMMERCE_EVENT.variantCreated, 'A variant was added to a product', VariantEventPayload),
  declare(COMMERCE_EVENT.variantUpdated, 'A variant changed', VariantEventPayload),
  declare(COMMERCE_EVENT.variantDeleted, 'A variant was removed', VariantEventPayload),
  declare(COMMERCE_EVENT.priceUpdated, "A variant's prices changed", PriceEventPayload),
  declare(
    COMMERCE_EVENT.inventoryAdjusted,
    "A variant's available stock changed (set, reserved, released, restocked)",
    InventoryEventPayload,
  ),
  declare(COMMERCE_EVENT.orderPlaced, 'A checkout created an order and reserved its stock', OrderPlacedPayload),
  declare(COMMERCE_EVENT.orderStatusChanged, "An order's status changed (kept in its history)", OrderStatusChangedPayload),
  declare(COMMERCE_EVENT.paymentAuthorized, 'A payment was authorized', PaymentEventPayload),
  declare(COMMERCE_EVENT.paymentCaptured, 'A payment was captured', PaymentEventPayload),
  declare(COMMERCE_EVENT.paymentRefunded, 'A payment was refunded', PaymentEventPayload),
];
