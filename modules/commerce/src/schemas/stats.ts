import { Id, Nullable } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { Money, strict } from './cart.js';
import { CURRENCY_CODE } from './descriptions.js';

export const CommerceStatsQuery = strict({
  lowStockThreshold: Type.Integer({
    minimum: 0,
    maximum: 1_000_000,
    default: 5,
    description: 'A tracked variant is low on stock when its available count is at or below this.',
  }),
});
export type CommerceStatsQuery = Static<typeof CommerceStatsQuery>;

const Revenue = strict({ currencyCode: Type.String({ description: CURRENCY_CODE }), amount: Money() });

const Window = strict({
  count: Type.Integer({ minimum: 0, description: 'Orders placed in the window, whatever their status now.' }),
  revenue: Type.Array(Revenue, {
    description:
      'Totals of the orders placed in the window that are paid or further along (paid, fulfilled, shipped, delivered; ' +
      'not pending, cancelled or refunded), one entry per currency, by currency code. No conversion between currencies.',
  }),
});

export const OrderFiguresSchema = strict({
  today: Window,
  last7Days: Window,
});
export type OrderFigures = Static<typeof OrderFiguresSchema>;

export const LowStockSchema = strict({
  variantId: Id(),
  productId: Id(),
  productTitle: Type.String(),
  variantTitle: Type.String(),
  sku: Nullable(Type.String()),
  available: Type.Integer(),
});
export type LowStock = Static<typeof LowStockSchema>;

/** GET /commerce/stats: the shop at a glance for its dashboard. */
export const CommerceStatsSchema = strict({
  orders: Type.Union([OrderFiguresSchema, Type.Null()], {
    description:
      'Order counts and revenue. `today` is the current UTC day from 00:00 UTC; `last7Days` is today and the six UTC days ' +
      'before it. Null when the caller lacks commerce.orders.read.',
  }),
  lowStock: Type.Union([Type.Array(LowStockSchema, { maxItems: 20 }), Type.Null()], {
    description:
      'Variants whose stock is tracked (manageInventory), of products not archived, with available stock at or below ' +
      '`lowStockThreshold`: at most 20, lowest stock first. Null when the caller lacks commerce.products.read (stock is read with it).',
  }),
});
export type CommerceStats = Static<typeof CommerceStatsSchema>;
