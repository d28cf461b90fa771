import type { Tx } from '@rustok/db';
import type { TenantRef } from '@rustok/kernel';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadProductIndexSource, loadVariantsForSale } from '../src/contracts.js';
import { commerceModule } from '../src/index.js';
import type { ProductView } from '../src/schemas/catalog-views.js';
import { caller, ok, unique } from './catalog-helpers.js';

describeEachBackend('commerce catalog: what read models and checkout read', (backend) => {
  let p: TestPlatform;
  let tenant: TenantRef;
  let admin: Record<string, string>;
  let call: ReturnType<typeof caller>;
  const inTenant = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => p.database.db.transaction(fn, { tenantId: tenant.id });

  beforeAll(async () => {
    p = await createTestPlatform({ backend, modules: [commerceModule] });
    call = caller(p);
    tenant = await p.createTenant('catalog-source');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
  });
  afterAll(() => p?.close());

  it('gives the index source with versions, texts, base price ranges and stock', async () => {
    const product = await ok<ProductView>(
      call('POST', '/commerce/products', admin, {
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
    await ok(call('PATCH', `/commerce/products/${product.id}`, admin, { translations: { en: { title: 'Indexed (en)' } } }));
    await ok(call('PUT', `/commerce/inventory/${product.variants[0]?.id}`, admin, { available: 10 }));
    const second = await read();
    expect(second?.version).toBe(2);
    expect(second?.stockVersion).toBe((first?.stockVersion ?? 0) + 1);
    expect(second?.texts[0]).toMatchObject({ locale: 'en', title: 'Indexed (en)' });
    expect(second?.totalStock).toBe(10);
  });

  it('loads variants for sale with their product, and leaves out unknown ids', async () => {
    const product = await ok<ProductView>(
      call('POST', '/commerce/products', admin, {
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
