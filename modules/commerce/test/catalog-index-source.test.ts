import type { Tx } from '@rustok/db';
import { describeEachBackend, tenantSuite } from '@rustok/testing';
import { expect, it } from 'vitest';
import { loadProductIndexSource, loadVariantsForSale } from '../src/contracts.js';
import { commerceModule } from '../src/index.js';
import type { ProductView } from '../src/schemas/catalog-views.js';
import { ok, unique } from './catalog-helpers.js';

describeEachBackend('commerce catalog: what read models and checkout read', (backend) => {
  const s = tenantSuite(backend, [commerceModule], 'catalog-source', ['admin']);
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => s.p.database.db.transaction(fn, { tenantId: s.tenant.id });

  it('gives the index source with versions, texts, base price ranges and stock', async () => {
    const product = await ok<ProductView>(
      s.call('POST', '/commerce/products', s.user, {
        title: 'Indexed',
        status: 'published',
        tags: ['x'],
        variants: [
          { title: 'A', sku: unique('IDX'), prices: [{ amount: 500, currencyCode: 'USD' }], inventory: 3 },
          {
            title: 'B',
            prices: [
              { amount: 700, currencyCode: 'USD' },
              { amount: 650, currencyCode: 'USD', minQuantity: 5 },
            ],
          },
        ],
        translations: { ru: { title: 'Индекс' } },
      }),
      201,
    );
    const read = () => inTenant((tx) => loadProductIndexSource(tx, product.id, 'en'));
    const first = await read();
    expect(first).toMatchObject({
      id: product.id,
      handle: 'indexed',
      status: 'published',
      version: 1,
      tags: ['x'],
      prices: [{ currencyCode: 'USD', min: 500, max: 700 }],
      totalStock: 3,
      hasStock: true,
      texts: [
        { locale: 'en', title: 'Indexed' },
        { locale: 'ru', title: 'Индекс' },
      ],
    });
    await ok(s.call('PATCH', `/commerce/products/${product.id}`, s.user, { translations: { en: { title: 'Indexed (en)' } } }));
    await ok(s.call('PUT', `/commerce/inventory/${product.variants[0]?.id}`, s.user, { available: 10 }));
    const second = await read();
    expect(second?.version).toBe(2);
    expect(second?.stockVersion).toBe((first?.stockVersion ?? 0) + 1);
    expect(second?.texts[0]).toMatchObject({ locale: 'en', title: 'Indexed (en)' });
    expect(second?.totalStock).toBe(10);
  });

  it('loads variants for sale with their product, and leaves out unknown ids', async () => {
    const product = await ok<ProductView>(
      s.call('POST', '/commerce/products', s.user, {
        title: 'For sale',
        discountable: false,
        variants: [{ title: 'Only', allowBackorder: true }],
      }),
      201,
    );
    const id = product.variants[0]?.id as string;
    const map = await inTenant((tx) => loadVariantsForSale(tx, [id, crypto.randomUUID(), 'not-a-uuid']));
    expect([...map.keys()]).toEqual([id]);
    expect(map.get(id)).toEqual({
      id,
      productId: product.id,
      productTitle: 'For sale',
      productStatus: 'draft',
      title: 'Only',
      sku: null,
      manageInventory: true,
      allowBackorder: true,
      discountable: false,
    });
  });
});
