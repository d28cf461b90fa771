import { describeEachBackend, tenantSuite } from '@rustok/testing';
import { expect, it } from 'vitest';
import { commerceModule } from '../src/index.js';
import type { ProductView, VariantView } from '../src/schemas/catalog-views.js';
import { catalogEvents, expectProblem, ok, simpleProduct, unique } from './catalog-helpers.js';

describeEachBackend('commerce catalog: products', (backend) => {
  const suite = tenantSuite(backend, [commerceModule], 'catalog-a', ['admin']);
  const create = (body: Record<string, unknown>) => ok(suite.call('POST', '/commerce/products', suite.user, body), 201);

  it('creates a product with variants, prices, stock and translations in one call, with its events', async () => {
    const sku = unique('TEE');
    const product = await create({
      title: 'Linen shirt',
      description: 'Breathable',
      categories: ['apparel'],
      tags: ['summer'],
      images: ['https://img.example.com/a.jpg', { url: 'https://img.example.com/b.jpg', alt: 'back' }],
      metadata: { origin: 'PT' },
      variants: [
        {
          title: 'S',
          sku,
          options: { size: 'S' },
          weight: 250,
          prices: [
            { amount: 4900, currencyCode: 'USD' },
            { amount: 4500, currencyCode: 'USD', minQuantity: 5 },
            { amount: 4400, currencyCode: 'EUR' },
          ],
          inventory: 7,
          translations: { ru: { title: 'Размер S' } },
        },
        { title: 'M', manageInventory: false, prices: [{ amount: 4900, currencyCode: 'USD' }] },
      ],
      translations: { ru: { title: 'Льняная рубашка', description: 'Дышащая' } },
    });
    expect(product).toMatchObject({
      handle: 'linen-shirt',
      status: 'draft',
      version: 1,
      locale: 'en',
      title: 'Linen shirt',
      images: [
        { url: 'https://img.example.com/a.jpg', alt: null },
        { url: 'https://img.example.com/b.jpg', alt: 'back' },
      ],
      translations: { ru: { title: 'Льняная рубашка', subtitle: null, description: 'Дышащая' } },
    });
    const [s, m] = product.variants as [VariantView, VariantView];
    expect(s).toMatchObject({ title: 'S', sku, available: 7, position: 0, weight: 250, translations: { ru: { title: 'Размер S' } } });
    expect(s.prices.map((x) => [x.currencyCode, x.amount, x.minQuantity])).toEqual([
      ['EUR', 4400, 1],
      ['USD', 4900, 1],
      ['USD', 4500, 5],
    ]);
    expect(m).toMatchObject({ title: 'M', sku: null, manageInventory: false, available: 0, position: 1 });
    const events = await catalogEvents(suite.p, suite.tenant.id, product.id);
    expect(events.map((e) => e.type)).toEqual([
      'commerce.product.created',
      'commerce.variant.created',
      'commerce.price.updated',
      'commerce.inventory.adjusted',
      'commerce.variant.created',
      'commerce.price.updated',
    ]);
    expect(events[0]?.payload).toEqual({ productId: product.id, handle: 'linen-shirt', status: 'draft', version: 1, changes: ['created'] });
    expect(events[2]?.payload).toEqual({ productId: product.id, variantId: s.id, currencyCodes: ['EUR', 'USD'] });
    expect(events[3]?.payload).toEqual({ variantId: s.id, productId: product.id, delta: 7, available: 7, reason: 'set', orderId: null });
  });

  it('reads texts in a locale with fallback requested → default → base', async () => {
    const product = await create(simpleProduct('Wool hat', { translations: { ru: { title: 'Шерстяная шапка' } } }));
    const ru = await ok(suite.call('GET', `/commerce/products/${product.id}?locale=ru`, suite.user));
    expect(ru).toMatchObject({ locale: 'ru', title: 'Шерстяная шапка', description: null });
    const en = await ok(suite.call('GET', `/commerce/products/${product.id}?locale=en`, suite.user));
    expect(en).toMatchObject({ locale: 'en', title: 'Wool hat' });
    await ok(suite.call('PATCH', `/commerce/products/${product.id}`, suite.user, { translations: { en: { title: 'Warm wool hat' } } }));
    expect(await ok(suite.call('GET', `/commerce/products/${product.id}`, suite.user))).toMatchObject({
      locale: 'en',
      title: 'Warm wool hat',
    });
    expectProblem(await suite.call('GET', `/commerce/products/${product.id}?locale=de`, suite.user), 422, 'COMMERCE_LOCALE_UNSUPPORTED');
  });

  it('generates handles from titles (transliterated), suffixes generated ones and refuses a taken explicit one', async () => {
    const ru = await create(simpleProduct('Чайник электрический'));
    expect(ru.handle).toBe('chaynik-elektricheskiy');
    const again = await create(simpleProduct('Чайник электрический'));
    expect(again.handle).toBe('chaynik-elektricheskiy-2');
    const explicit = await create(simpleProduct('Any title', { handle: 'my-kettle' }));
    expect(explicit.handle).toBe('my-kettle');
    expectProblem(
      await suite.call('POST', '/commerce/products', suite.user, simpleProduct('Other', { handle: 'my-kettle' })),
      409,
      'COMMERCE_HANDLE_TAKEN',
    );
    expectProblem(
      await suite.call('PATCH', `/commerce/products/${ru.id}`, suite.user, { handle: 'my-kettle' }),
      409,
      'COMMERCE_HANDLE_TAKEN',
    );
    const renamed = await ok(suite.call('PATCH', `/commerce/products/${ru.id}`, suite.user, { handle: 'kettle' }));
    expect(renamed.handle).toBe('kettle');
    expect((await create(simpleProduct('!!!'))).handle).toMatch(/^product(-\d+)?$/);
  });

  it('refuses a taken SKU with 409, on create, on a new variant and on a variant change', async () => {
    const first = await create(simpleProduct('Sku holder'));
    const sku = first.variants[0]?.sku as string;
    const clash = { title: 'Clash', variants: [{ title: 'X', sku }] };
    expectProblem(await suite.call('POST', '/commerce/products', suite.user, clash), 409, 'COMMERCE_SKU_TAKEN');
    expectProblem(
      await suite.call('POST', `/commerce/products/${first.id}/variants`, suite.user, { title: 'Y', sku }),
      409,
      'COMMERCE_SKU_TAKEN',
    );
    const other = await ok<VariantView>(suite.call('POST', `/commerce/products/${first.id}/variants`, suite.user, { title: 'Z' }), 201);
    const res = await suite.call('PATCH', `/commerce/products/${first.id}/variants/${other.id}`, suite.user, { sku });
    expectProblem(res, 409, 'COMMERCE_SKU_TAKEN');
  });

  it('answers concurrent writers of one handle or SKU with one 201 and 409s, never a 500', async () => {
    const handle = unique('race').toLowerCase();
    const sku = unique('RACE');
    const bodies = Array.from({ length: 5 }, (_, i) => ({ title: `Race ${i}`, handle, variants: [{ title: 'v', sku: `${sku}-${i}` }] }));
    const byHandle = await Promise.all(bodies.map((b) => suite.call('POST', '/commerce/products', suite.user, b)));
    expect(byHandle.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of byHandle.filter((x) => x.statusCode === 409)) expectProblem(r, 409, 'COMMERCE_HANDLE_TAKEN');
    const bySku = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        suite.call('POST', '/commerce/products', suite.user, { title: `Sku race ${i}`, variants: [{ title: 'v', sku }] }),
      ),
    );
    expect(bySku.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const r of bySku.filter((x) => x.statusCode === 409)) expectProblem(r, 409, 'COMMERCE_SKU_TAKEN');
  });

  it('answers bad input with 422 problem+json listing the fields', async () => {
    const bad = async (body: unknown, path: RegExp) => {
      const res = await suite.call('POST', '/commerce/products', suite.user, body);
      expectProblem(res, 422);
      const errors = res.json<{ errors: { path: string }[] }>().errors;
      expect(
        errors.some((e) => path.test(e.path)),
        JSON.stringify(errors),
      ).toBe(true);
    };
    const variant = (prices: unknown[]) => ({ title: 'V', variants: [{ title: 'A', prices }] });
    await bad(variant([{ amount: -1, currencyCode: 'USD' }]), /variants\/0\/prices\/0\/amount/);
    await bad(variant([{ amount: 1.5, currencyCode: 'USD' }]), /amount/);
    await bad(variant([{ amount: 100, currencyCode: 'usd' }]), /currencyCode/);
    await bad(variant([{ amount: 100, currencyCode: 'XYZ' }]), /variants\/0\/prices\/0\/currencyCode/);
    await bad(variant([{ amount: 100, currencyCode: 'USD', minQuantity: 0 }]), /minQuantity/);
    await bad(
      variant([
        { amount: 100, currencyCode: 'USD' },
        { amount: 90, currencyCode: 'USD', minQuantity: 1 },
      ]),
      /variants\/0\/prices\/1/,
    );
    await bad({ title: 'V', translations: { xx: { title: 'X' } } }, /translations\/xx/);
    await bad({ title: 'V', translations: { Russian: { title: 'X' } } }, /translations/);
    await bad({ title: 'V', variants: Array.from({ length: 101 }, (_, i) => ({ title: `v${i}` })) }, /variants/);
    await bad({ title: '' }, /title/);
    await bad({ title: 'V', status: 'live' }, /status/);
    await bad(
      {
        title: 'V',
        variants: [
          { title: 'A', sku: 'SAME' },
          { title: 'B', sku: 'SAME' },
        ],
      },
      /variants\/1\/sku/,
    );
    await bad({ title: 'V', handle: 'Not A Handle' }, /handle/);
    expectProblem(
      await suite.call('PUT', `/commerce/variants/${crypto.randomUUID()}/prices`, suite.user, { prices: [{ amount: 1 }] }),
      422,
    );
  });

  it('bumps the version and updated_at on every change of the product, translations, variants and prices', async () => {
    const product = await create(simpleProduct('Versioned'));
    const variantId = product.variants[0]?.id as string;
    const versions = [product.version];
    const stamp = [product.updatedAt];
    const step = async (method: 'PATCH' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, status = 200) => {
      await ok(suite.call(method, url, suite.user, body), status);
      const now = await ok(suite.call('GET', `/commerce/products/${product.id}`, suite.user));
      versions.push(now.version);
      stamp.push(now.updatedAt);
      return now;
    };
    await step('PATCH', `/commerce/products/${product.id}`, { description: 'New' });
    await step('PATCH', `/commerce/products/${product.id}`, { translations: { ru: { title: 'Версия' } } });
    const added = await step('POST', `/commerce/products/${product.id}/variants`, { title: 'Second' }, 201);
    const second = added.variants[1]?.id as string;
    await step('PATCH', `/commerce/products/${product.id}/variants/${second}`, { translations: { ru: { title: 'Второй' } } });
    await step('PUT', `/commerce/variants/${variantId}/prices`, { prices: [{ amount: 1100, currencyCode: 'USD' }] });
    await step('DELETE', `/commerce/products/${product.id}/variants/${second}`, undefined, 204);
    await step('POST', `/commerce/products/${product.id}/publish`);
    await step('POST', `/commerce/products/${product.id}/archive`);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(stamp).size).toBe(stamp.length);
    await step('PUT', `/commerce/inventory/${variantId}`, { available: 3 });
    await step('PATCH', `/commerce/products/${product.id}`, {});
    expect(versions.slice(-2)).toEqual([9, 9]);
    const events = await catalogEvents(suite.p, suite.tenant.id, product.id);
    const productVersions = events.filter((e) => e.type.startsWith('commerce.product.')).map((e) => e.payload.version);
    expect(productVersions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(events.filter((e) => e.type === 'commerce.product.published').map((e) => e.payload.version)).toEqual([8]);
    await ok(suite.call('DELETE', `/commerce/products/${product.id}`, suite.user), 204);
    expect((await catalogEvents(suite.p, suite.tenant.id, product.id)).at(-1)).toMatchObject({
      type: 'commerce.product.deleted',
      payload: { productId: product.id, version: 10 },
    });
    expectProblem(await suite.call('GET', `/commerce/products/${product.id}`, suite.user), 404, 'COMMERCE_PRODUCT_NOT_FOUND');
  });

  it('lists with cursor pagination and filters by status, text, category and tag', async () => {
    const tag = unique('tag').toLowerCase();
    const made: ProductView[] = [];
    for (const title of ['Alpha lamp', 'Beta lamp', 'Gamma chair']) {
      made.push(await create(simpleProduct(title, { tags: [tag], categories: [title.endsWith('chair') ? 'seating' : 'lighting'] })));
    }
    await ok(suite.call('POST', `/commerce/products/${made[0]?.id}/publish`, suite.user));
    const page1 = await ok<{ items: ProductView[]; nextCursor: string | null }>(
      suite.call('GET', `/commerce/products?tag=${tag}&limit=2`, suite.user),
    );
    expect(page1.items.map((i) => i.title)).toEqual(['Gamma chair', 'Beta lamp']);
    const page2 = await ok<{ items: ProductView[]; nextCursor: string | null }>(
      suite.call('GET', `/commerce/products?tag=${tag}&limit=2&cursor=${page1.nextCursor}`, suite.user),
    );
    expect(page2).toMatchObject({ items: [{ title: 'Alpha lamp' }], nextCursor: null });
    const lamps = await ok<{ items: ProductView[] }>(
      suite.call('GET', `/commerce/products?tag=${tag}&q=LAMP&category=lighting`, suite.user),
    );
    expect(lamps.items.map((i) => i.title)).toEqual(['Beta lamp', 'Alpha lamp']);
    const published = await ok<{ items: ProductView[] }>(suite.call('GET', `/commerce/products?tag=${tag}&status=published`, suite.user));
    expect(published.items.map((i) => i.title)).toEqual(['Alpha lamp']);
    expect((await ok<{ items: unknown[] }>(suite.call('GET', '/commerce/products?q=%25_', suite.user))).items).toEqual([]);
    expectProblem(await suite.call('GET', '/commerce/products?limit=0', suite.user), 422);
  });
});
