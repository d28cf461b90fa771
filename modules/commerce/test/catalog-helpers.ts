import { type OutboxEvent, ok as okJson, outboxEvents, type TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import type { ProductView } from '../src/schemas/catalog-views.js';
import { unique } from './fixtures.js';

export { caller, expectProblem } from '@rustok/testing';
export { unique } from './fixtures.js';

/** Catalog events of a tenant in the outbox, oldest first, each checked against its declared schema. */
export const catalogEvents = (p: TestPlatform, tenantId: string, productId?: string): Promise<OutboxEvent[]> =>
  outboxEvents(
    p,
    tenantId,
    "type LIKE 'commerce.%' AND type NOT LIKE 'commerce.order.%' AND type NOT LIKE 'commerce.payment.%'",
    (payload) => productId === undefined || payload.productId === productId,
  );

/** The JSON of an answer with the expected status; a product view unless told otherwise. */
export const ok = <T = ProductView>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> => okJson<T>(res, status);

/** A product body with one variant priced in USD and EUR, and some stock. */
export const simpleProduct = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  variants: [
    {
      title: 'Default',
      sku: unique('SKU'),
      prices: [
        { amount: 1000, currencyCode: 'USD' },
        { amount: 900, currencyCode: 'EUR' },
      ],
      inventory: 5,
    },
  ],
  ...extra,
});
