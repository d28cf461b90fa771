import { connectionType, type GraphQLBuilder, type SchemaTypes } from '@rustok/kernel';
import { CartCreatedSchema, CartItemSchema, CartSchema, ShippingChoice } from '../schemas/cart.js';
import {
  AddressSchema,
  CheckoutResultSchema,
  OrderHistorySchema,
  OrderLineSchema,
  OrderSchema,
  OrderSummarySchema,
  PaymentSchema,
} from '../schemas/order.js';
import { DiscountSchema, ShippingOptionSchema, TaxRateSchema } from '../schemas/shop.js';
import { commerceTypes } from './catalog-types.js';

/** Money is integer minor units; GraphQL's Int is 32-bit, so amounts travel as Float holding an integer (see schemaTypes). */

const addCart = (builder: GraphQLBuilder, derive: SchemaTypes) => {
  derive.object(ShippingChoice, { name: 'CommerceShippingChoice' });
  derive.object(CartItemSchema, { name: 'CommerceCartItem' });
  const Cart = derive.object(CartSchema, { name: 'CommerceCart', description: 'A cart priced now on the server (one currency)' });
  const CartCreated = derive.object(CartCreatedSchema, {
    name: 'CommerceCartCreated',
    description: 'A new cart and its token: pass cartToken to every later operation of the cart',
  });
  return { Cart, CartCreated, CartConnection: connectionType(builder, 'CommerceCartConnection', Cart) };
};

const addOrders = (builder: GraphQLBuilder, derive: SchemaTypes) => {
  derive.object(AddressSchema, { name: 'CommerceAddress' });
  derive.object(OrderLineSchema, { name: 'CommerceOrderLine' });
  derive.object(OrderHistorySchema, { name: 'CommerceOrderHistoryEntry' });
  derive.object(PaymentSchema, { name: 'CommercePayment' });
  const Summary = derive.object(OrderSummarySchema, { name: 'CommerceOrderSummary' });
  const OrderRef = derive.object(OrderSchema, {
    name: 'CommerceOrder',
    description: 'An order with its snapshots (lines, prices, addresses, totals), history and payments',
  });
  const CheckoutResult = derive.object(CheckoutResultSchema, {
    name: 'CommerceCheckoutResult',
    description: 'The order and a token to read it with (commerceStoreOrder)',
  });
  return { OrderRef, CheckoutResult, Connection: connectionType(builder, 'CommerceOrderConnection', Summary) };
};

const addShopTypes = (derive: SchemaTypes) => ({
  TaxRateRef: derive.object(TaxRateSchema, { name: 'CommerceTaxRate' }),
  ShippingOptionRef: derive.object(ShippingOptionSchema, { name: 'CommerceShippingOption' }),
  DiscountRef: derive.object(DiscountSchema, { name: 'CommerceDiscount' }),
});

/** Object types of carts, orders and shop settings, derived from the schemas of the REST answers. */
export const addOrderTypes = (builder: GraphQLBuilder) => {
  const derive = commerceTypes(builder);
  return { ...addCart(builder, derive), ...addOrders(builder, derive), ...addShopTypes(derive) };
};
export type OrderTypes = ReturnType<typeof addOrderTypes>;
