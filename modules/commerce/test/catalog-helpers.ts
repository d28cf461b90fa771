import type { TestPlatform } from '@rustok/testing';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ProductView } from '../src/schemas/catalog-views.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const caller =
  (p: TestPlatform) =>
  (method: Method, url: string, headers: Record<string, string>, payload?: unknown): Promise<LightMyRequestResponse> =>
    p.app.inject({ method, url: `/api/v1${url}`, headers, ...(payload === undefined ? {} : { payload: payload as object }) });

export interface CatalogEvent {
  readonly type: string;
  readonly payload: Record<string, unknown>;
}

/** Catalog events of a tenant in the outbox, oldest first, each checked against its declared schema. */
export const catalogEvents = async (p: TestPlatform, tenantId: string, productId?: string): Promise<CatalogEvent[]> => {
  const { rows } = await p.database.db.query<{ type: string; schema_version: number; envelope: { payload: Record<string, unknown> } }>(
    `SELECT type, schema_version, envelope FROM sys_events
      WHERE tenant_id = $1 AND type LIKE 'commerce.%' AND type NOT LIKE 'commerce.order.%' AND type NOT LIKE 'commerce.payment.%'
      ORDER BY id`,
    [tenantId],
  );
  return rows
    .filter((r) => productId === undefined || r.envelope.payload.productId === productId)
    .map((r) => {
      const entry = p.bus.catalog.get(r.type, r.schema_version);
      expect(entry, `${r.type} is in the catalog`).toBeDefined();
      expect(entry?.validate(r.envelope.payload), `${r.type} payload valid: ${JSON.stringify(r.envelope.payload)}`).toBe(true);
      return { type: r.type, payload: r.envelope.payload };
    });
};

export const expectProblem = (res: LightMyRequestResponse, status: number, code?: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  if (code) expect(res.json<{ code: string }>().code).toBe(code);
};

export const ok = async <T = ProductView>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return (r.body === '' ? undefined : r.json<T>()) as T;
};

let counter = 0;
/** A unique suffix for SKUs and titles within a test run. */
export const unique = (prefix: string): string => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`.toUpperCase();

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
