import type { GraphQLBuilder, GraphQLTypes } from '@rustok/kernel';
import type { Cart, CartCreated, CartItem, ShippingChoice } from '../schemas/cart.js';
import { DISCOUNT_VALUE } from '../schemas/descriptions.js';
import type { Address, CheckoutResult, Order, OrderHistoryEntry, OrderLine, OrderSummary, Paged, Payment } from '../schemas/order.js';
import type { Discount, ShippingOption, TaxRate } from '../schemas/shop.js';

type Fields = Parameters<Parameters<GraphQLBuilder['objectRef']>[0] extends never ? never : never>;

export type { Fields };

/** Money is integer minor units; GraphQL's Int is 32-bit, so amounts travel as Float holding an integer. */
const MONEY = ['subtotal', 'discountTotal', 'taxTotal', 'total'] as const;

type FieldsOf<T> = PothosSchemaTypes.ObjectFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<GraphQLTypes>, T>;

/** What a cart item and an order line both show of the variant bought: titles, SKU, quantity and unit price. */
const lineItem = <T extends { title: string; variantTitle: string; sku: string | null; quantity: number; unitPrice: number }>(
  t: FieldsOf<T>,
) => ({
  title: t.string({ resolve: (l) => l.title }),
  variantTitle: t.string({ resolve: (l) => l.variantTitle }),
  sku: t.string({ nullable: true, resolve: (l) => l.sku }),
  quantity: t.int({ resolve: (l) => l.quantity }),
  unitPrice: t.float({ resolve: (l) => l.unitPrice }),
});

const addLineTypes = (builder: GraphQLBuilder) => {
  const Shipping = builder.objectRef<ShippingChoice>('CommerceShippingChoice').implement({
    fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), amount: t.exposeFloat('amount') }),
  });
  const CartItemRef = builder.objectRef<CartItem>('CommerceCartItem').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      variantId: t.exposeID('variantId'),
      productId: t.exposeID('productId', { nullable: true }),
      ...lineItem(t),
      ...Object.fromEntries(MONEY.map((k) => [k, t.exposeFloat(k)])),
      problem: t.exposeString('problem', { nullable: true }),
    }),
  });
  const Line = builder.objectRef<OrderLine>('CommerceOrderLine').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      productId: t.exposeID('productId', { nullable: true }),
      variantId: t.exposeID('variantId', { nullable: true }),
      ...lineItem(t),
      ...Object.fromEntries(MONEY.map((k) => [k, t.exposeFloat(k)])),
    }),
  });
  return { Shipping, CartItemRef, Line };
};

const addCart = (builder: GraphQLBuilder, lines: ReturnType<typeof addLineTypes>) =>
  builder.objectRef<Cart>('CommerceCart').implement({
    description: 'A cart priced now on the server (one currency)',
    fields: (t) => ({
      id: t.exposeID('id'),
      status: t.exposeString('status'),
      currencyCode: t.exposeString('currencyCode'),
      customerId: t.exposeID('customerId', { nullable: true }),
      email: t.exposeString('email', { nullable: true }),
      countryCode: t.exposeString('countryCode', { nullable: true }),
      discountCode: t.exposeString('discountCode', { nullable: true }),
      discountApplied: t.exposeBoolean('discountApplied'),
      shippingOption: t.field({ type: lines.Shipping, nullable: true, resolve: (c) => c.shippingOption }),
      taxRateBp: t.exposeInt('taxRateBp'),
      orderId: t.exposeID('orderId', { nullable: true }),
      items: t.field({ type: [lines.CartItemRef], resolve: (c) => c.items }),
      ...Object.fromEntries(MONEY.map((k) => [k, t.exposeFloat(k)])),
      shippingTotal: t.exposeFloat('shippingTotal'),
      expiresAt: t.exposeString('expiresAt'),
      createdAt: t.exposeString('createdAt'),
      updatedAt: t.exposeString('updatedAt'),
    }),
  });

const addOrderParts = (builder: GraphQLBuilder) => {
  const AddressRef = builder.objectRef<Address>('CommerceAddress').implement({
    fields: (t) => ({
      name: t.exposeString('name'),
      company: t.string({ nullable: true, resolve: (a) => a.company ?? null }),
      line1: t.exposeString('line1'),
      line2: t.string({ nullable: true, resolve: (a) => a.line2 ?? null }),
      city: t.exposeString('city'),
      region: t.string({ nullable: true, resolve: (a) => a.region ?? null }),
      postalCode: t.string({ nullable: true, resolve: (a) => a.postalCode ?? null }),
      countryCode: t.exposeString('countryCode'),
      phone: t.string({ nullable: true, resolve: (a) => a.phone ?? null }),
    }),
  });
  const History = builder.objectRef<OrderHistoryEntry>('CommerceOrderHistoryEntry').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      from: t.exposeString('from', { nullable: true }),
      to: t.exposeString('to'),
      actorId: t.exposeID('actorId', { nullable: true }),
      note: t.exposeString('note', { nullable: true }),
      createdAt: t.exposeString('createdAt'),
    }),
  });
  const PaymentRef = builder.objectRef<Payment>('CommercePayment').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      provider: t.exposeString('provider'),
      status: t.exposeString('status'),
      currencyCode: t.exposeString('currencyCode'),
      amount: t.exposeFloat('amount'),
      refundedAmount: t.exposeFloat('refundedAmount'),
      providerReference: t.exposeString('providerReference', { nullable: true }),
      createdAt: t.exposeString('createdAt'),
      updatedAt: t.exposeString('updatedAt'),
    }),
  });
  return { AddressRef, History, PaymentRef };
};

/** The first fields of an order and of its summary: its ids, status, who ordered, and the currency. */
const orderHead = <T extends OrderSummary>(t: FieldsOf<T>) => ({
  id: t.id({ resolve: (o) => o.id }),
  displayId: t.int({ resolve: (o) => o.displayId }),
  status: t.string({ resolve: (o) => o.status }),
  cartId: t.id({ nullable: true, resolve: (o) => o.cartId }),
  customerId: t.id({ nullable: true, resolve: (o) => o.customerId }),
  email: t.string({ resolve: (o) => o.email }),
  currencyCode: t.string({ resolve: (o) => o.currencyCode }),
});

const addSummary = (builder: GraphQLBuilder) =>
  builder.objectRef<OrderSummary>('CommerceOrderSummary').implement({
    fields: (t) => ({
      ...orderHead(t),
      ...Object.fromEntries(MONEY.map((k) => [k, t.exposeFloat(k)])),
      shippingTotal: t.exposeFloat('shippingTotal'),
      createdAt: t.exposeString('createdAt'),
      updatedAt: t.exposeString('updatedAt'),
    }),
  });

const addOrders = (builder: GraphQLBuilder, lines: ReturnType<typeof addLineTypes>) => {
  const parts = addOrderParts(builder);
  const Summary = addSummary(builder);
  const OrderRef = builder.objectRef<Order>('CommerceOrder').implement({
    description: 'An order with its snapshots (lines, prices, addresses, totals), history and payments',
    fields: (t) => ({
      ...orderHead(t),
      ...Object.fromEntries(MONEY.map((k) => [k, t.exposeFloat(k)])),
      shippingTotal: t.exposeFloat('shippingTotal'),
      discountCode: t.exposeString('discountCode', { nullable: true }),
      shippingOption: t.field({ type: lines.Shipping, nullable: true, resolve: (o) => o.shippingOption }),
      shippingAddress: t.field({ type: parts.AddressRef, resolve: (o) => o.shippingAddress }),
      billingAddress: t.field({ type: parts.AddressRef, resolve: (o) => o.billingAddress }),
      lines: t.field({ type: [lines.Line], resolve: (o) => o.lines }),
      history: t.field({ type: [parts.History], resolve: (o) => o.history }),
      payments: t.field({ type: [parts.PaymentRef], resolve: (o) => o.payments }),
      allowedTransitions: t.stringList({ resolve: (o) => [...o.allowedTransitions] }),
      createdAt: t.exposeString('createdAt'),
      updatedAt: t.exposeString('updatedAt'),
    }),
  });
  const Connection = builder.objectRef<Paged<OrderSummary>>('CommerceOrderConnection').implement({
    fields: (t) => ({
      items: t.field({ type: [Summary], resolve: (p) => p.items }),
      nextCursor: t.exposeString('nextCursor', { nullable: true }),
    }),
  });
  return { OrderRef, Connection };
};

/** A shop setting's creation and update times. */
const stamps = <T extends { createdAt: string; updatedAt: string }>(t: FieldsOf<T>) => ({
  createdAt: t.string({ resolve: (o) => o.createdAt }),
  updatedAt: t.string({ resolve: (o) => o.updatedAt }),
});

const addShopTypes = (builder: GraphQLBuilder) => {
  const TaxRateRef = builder.objectRef<TaxRate>('CommerceTaxRate').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      countryCode: t.exposeString('countryCode'),
      name: t.exposeString('name'),
      rateBp: t.exposeInt('rateBp'),
      ...stamps(t),
    }),
  });
  const ShippingOptionRef = builder.objectRef<ShippingOption>('CommerceShippingOption').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      name: t.exposeString('name'),
      currencyCode: t.exposeString('currencyCode'),
      amount: t.exposeFloat('amount'),
      active: t.exposeBoolean('active'),
      ...stamps(t),
    }),
  });
  const DiscountRef = builder.objectRef<Discount>('CommerceDiscount').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      code: t.exposeString('code'),
      kind: t.exposeString('kind'),
      value: t.exposeFloat('value', { description: DISCOUNT_VALUE }),
      currencyCode: t.exposeString('currencyCode', { nullable: true }),
      usageLimit: t.exposeInt('usageLimit', { nullable: true }),
      usageCount: t.exposeInt('usageCount'),
      startsAt: t.exposeString('startsAt', { nullable: true }),
      endsAt: t.exposeString('endsAt', { nullable: true }),
      active: t.exposeBoolean('active'),
      ...stamps(t),
    }),
  });
  return { TaxRateRef, ShippingOptionRef, DiscountRef };
};

/** What making a cart and checking one out answer: the object and its token, shown this once. */
const addCapabilities = (builder: GraphQLBuilder, cart: ReturnType<typeof addCart>, order: ReturnType<typeof addOrders>['OrderRef']) => ({
  CartCreated: builder.objectRef<CartCreated>('CommerceCartCreated').implement({
    description: 'A new cart and its token: pass cartToken to every later operation of the cart',
    fields: (t) => ({ cart: t.field({ type: cart, resolve: (c) => c.cart }), cartToken: t.exposeString('cartToken') }),
  }),
  CheckoutResult: builder.objectRef<CheckoutResult>('CommerceCheckoutResult').implement({
    description: 'The order and a token to read it with (commerceStoreOrder)',
    fields: (t) => ({ order: t.field({ type: order, resolve: (c) => c.order }), orderToken: t.exposeString('orderToken') }),
  }),
});

/** Object types of carts, orders and shop settings. */
export const addOrderTypes = (builder: GraphQLBuilder) => {
  const lines = addLineTypes(builder);
  const Cart = addCart(builder, lines);
  const orders = addOrders(builder, lines);
  return { Cart, ...orders, ...addCapabilities(builder, Cart, orders.OrderRef), ...addShopTypes(builder) };
};
export type OrderTypes = ReturnType<typeof addOrderTypes>;
