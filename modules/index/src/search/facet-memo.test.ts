import { describe, expect, it } from 'vitest';
import { recordApplied } from '../runtime.js';
import type { ProductFacets } from '../schemas.js';
import { facetsText } from './facet-memo.js';
import type { ProductPlanInput } from './product-where.js';

const inputOf = (tenantId: string, query: Record<string, unknown> = {}): ProductPlanInput =>
  ({ ctx: { tenantId }, query: { limit: 20, ...query }, locale: 'en', currency: 'USD', trigram: false }) as unknown as ProductPlanInput;

const counter = () => {
  let calls = 0;
  const count = async (): Promise<ProductFacets> => {
    calls++;
    return { total: calls, currency: 'USD', categories: [], tags: [], priceBuckets: [], noPrice: 0, inStock: calls, outOfStock: 0 };
  };
  return { count, calls: () => calls };
};

describe('facet counts kept per tenant and filters', () => {
  it('counts once for every page and sort of the same filters', async () => {
    const c = counter();
    const first = await facetsText(inputOf('t-1'), 'all', 10_000, c.count);
    const again = await facetsText(inputOf('t-1', { sort: 'price_asc', cursor: 'x', limit: 24 }), 'all', 10_000, c.count);
    expect(again).toBe(first);
    expect(c.calls()).toBe(1);
  });

  it('counts again for other filters, another tenant, and after the tenant’s next index write', async () => {
    const c = counter();
    await facetsText(inputOf('t-2'), 'all', 10_000, c.count);
    await facetsText(inputOf('t-2', { category: 'bags' }), 'all', 10_000, c.count);
    await facetsText(inputOf('t-3'), 'all', 10_000, c.count);
    expect(c.calls()).toBe(3);
    recordApplied('t-2', new Date().toISOString(), ['products']);
    const fresh = JSON.parse(await facetsText(inputOf('t-2'), 'all', 10_000, c.count)) as ProductFacets;
    expect(fresh.total).toBe(4);
    expect(c.calls()).toBe(4);
  });

  it('keeps nothing when off, and nothing past its lifetime', async () => {
    const c = counter();
    await facetsText(inputOf('t-4'), 'all', 0, c.count);
    await facetsText(inputOf('t-4'), 'all', 0, c.count);
    expect(c.calls()).toBe(2);
    await facetsText(inputOf('t-5'), 'all', 1, c.count);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await facetsText(inputOf('t-5'), 'all', 1, c.count);
    expect(c.calls()).toBe(4);
  });
});
