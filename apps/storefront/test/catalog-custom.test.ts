import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

// A product's public flex values (custom fields) on its page as a definition list with the schema's
// labels, the catalog's filterable ones as facets; the cached product page purged when they change.
describe('catalog: custom (flex) values of products', () => {
  let shop: ShopHarness;
  let product: { id: string; handle: string };
  const setValues = async (values: Record<string, unknown>) => {
    const set = await shop.api('PUT', `/flex/attached/product/${product.id}/specs`, { values });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    await shop.settle();
  };

  beforeAll(async () => {
    shop = await startShop();
    const fields = [
      { key: 'fabric', label: 'Fabric', type: 'text', access: 'public', filterable: true },
      { key: 'fit_notes', type: 'text', access: 'public' },
      { key: 'supplier', label: 'Supplier', type: 'text', access: 'admin' },
    ];
    const schema = await shop.api('POST', '/flex/schemas', { slug: 'specs', name: 'Specs', target: 'product', fields });
    expect(schema.status, JSON.stringify(schema.body)).toBe(201);
    const created = await shop.api<typeof product>('POST', '/commerce/products', {
      title: 'Linen apron',
      handle: 'linen-apron',
      status: 'published',
      variants: [{ title: 'One size', sku: 'APRON-LINEN', prices: [{ amount: 2500, currencyCode: 'USD' }], inventory: 3 }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    product = created.body;
    await shop.settle();
  });
  afterAll(() => shop?.close());

  it('shows the public custom values with their labels (the key without one), never the staff fields', async () => {
    await setValues({ fabric: 'Washed linen', fit_notes: 'Runs long', supplier: 'Secret mill' });
    const html = await (await shop.page(`/products/${product.handle}`)).text();
    expect(html).toMatch(/<dl class="custom-values"><dt>Fabric<\/dt><dd>Washed linen<\/dd><dt>fit_notes<\/dt><dd>Runs long<\/dd><\/dl>/);
    expect(html).not.toContain('Secret mill');
  });

  it('purges the cached product page when the values change', async () => {
    await setValues({ fabric: 'Washed linen' });
    const first = await shop.page(`/products/${product.handle}`);
    expect(await first.text()).toContain('<dd>Washed linen</dd>');
    // Answered from the page cache now: only the purge can bring the change.
    expect((await shop.page(`/products/${product.handle}`, { headers: { 'if-none-match': first.headers.get('etag') ?? '' } })).status).toBe(
      304,
    );
    await setValues({ fabric: 'Hemp' });
    const html = await (await shop.page(`/products/${product.handle}`)).text();
    expect(html).toContain('<dd>Hemp</dd>');
    expect(html).not.toContain('Washed linen');
  });

  it('offers a filterable custom field as a facet of the catalog, and filters by it', async () => {
    await setValues({ fabric: 'Hemp' });
    const catalog = await (await shop.page('/search')).text();
    expect(catalog).toContain('<legend>Fabric</legend>');
    expect(catalog).toMatch(/<input type="radio" name="custom\.specs\.fabric" value="Hemp"/);
    const filtered = await (await shop.page('/search?custom.specs.fabric=Hemp')).text();
    expect(filtered).toContain('Linen apron');
    const none = await (await shop.page('/search?custom.specs.fabric=Wool')).text();
    expect(none).not.toContain('Linen apron');
  });
});
