import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiOf } from './api.js';
import { type AdminHarness, describeInEmbeddedBrowser, startAdminHarness } from './browser.js';

// Custom fields (flex schemas attached to products and posts) on the product and post editors
// (Chromium, the real server): the form is built from the schema at run time, saved over GraphQL,
// read back through the API; a field added to the schema shows after a reload, with no admin rebuild.
describeInEmbeddedBrowser('admin app: custom fields on the product and post editors', (backend) => {
  let h: AdminHarness;
  let page: Page;
  let api: ReturnType<typeof apiOf>;
  let staff: Record<string, string>;

  const SPECS = [
    { key: 'material', label: 'Material', type: 'text', access: 'public', searchable: true },
    { key: 'care', label: 'Care', type: 'text', access: 'public', localized: true },
  ];

  beforeAll(async () => {
    h = await startAdminHarness(backend);
    api = apiOf(h);
    staff = { authorization: `Bearer ${await api.tokenOf('default', h.admin.email, h.admin.password)}`, 'x-tenant-id': 'default' };
    const schema = { slug: 'specs', name: 'Specs', target: 'product', fields: SPECS };
    api.expectStatus('schema', await api.call('POST', '/flex/schemas', schema, staff), 201);
    const notes = { slug: 'post-notes', name: 'Post notes', target: 'content_node', targetKind: 'post', fields: [SPECS[0]] };
    api.expectStatus('post schema', await api.call('POST', '/flex/schemas', notes, staff), 201);
    page = await h.open('/admin/sign-in');
    await h.signIn(page, h.admin);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    page.setDefaultTimeout(20_000);
  }, 180_000);
  afterAll(() => h?.close());

  it("fills a product's custom fields in the form its schema makes, saved and read back; a new field shows after a reload", async () => {
    const product = { title: 'Field Jacket', variants: [{ title: 'M', prices: [] }] };
    const id = (api.expectStatus('product', await api.call('POST', '/commerce/products', product, staff), 201).body as { id: string }).id;
    await page.goto(`${h.server.address}/admin/products/${id}`);
    await page.getByRole('heading', { name: 'Custom fields' }).waitFor();
    const form = page.getByRole('form', { name: 'Specs' });
    await form.getByLabel('Material').fill('waxed cotton');
    await form.getByLabel('Care (en)').fill('Wipe clean');
    await form.getByLabel('Care (ru)').fill('Протирать');
    expect(await h.violations(page)).toEqual([]);
    await h.shot(page, 'admin-product-custom-fields');
    await form.getByRole('button', { name: 'Save Specs' }).click();
    await form.getByRole('status').filter({ hasText: 'Specs saved.' }).waitFor();
    const read = api.expectStatus('attached', await api.call('GET', `/flex/attached/product/${id}`, undefined, staff), 200).body as {
      items: { schema: string; values: Record<string, unknown> }[];
    };
    expect(read.items).toEqual([
      expect.objectContaining({ schema: 'specs', values: { material: 'waxed cotton', care: { en: 'Wipe clean', ru: 'Протирать' } } }),
    ]);

    const fields = [...SPECS, { key: 'origin', label: 'Origin', type: 'text', access: 'public' }];
    api.expectStatus('schema change', await api.call('PATCH', '/flex/schemas/specs', { fields }, staff), 200);
    await page.reload();
    await form.getByLabel('Origin').fill('Scotland');
    expect(await form.getByLabel('Material').inputValue()).toBe('waxed cotton');
    await form.getByRole('button', { name: 'Save Specs' }).click();
    await form.getByRole('status').filter({ hasText: 'Specs saved.' }).waitFor();
    const again = api.expectStatus('attached', await api.call('GET', `/flex/attached/product/${id}`, undefined, staff), 200).body as {
      items: { values: Record<string, unknown> }[];
    };
    expect(again.items[0]?.values).toMatchObject({ material: 'waxed cotton', origin: 'Scotland' });
  });

  it("shows a post schema's fields on the post editor (and not the product's)", async () => {
    const id = (
      api.expectStatus('post', await api.call('POST', '/blog/posts', { title: 'Field notes' }, staff), 201).body as { id: string }
    ).id;
    await page.goto(`${h.server.address}/admin/blog/${id}/edit`);
    await page.getByRole('heading', { name: 'Custom fields' }).waitFor();
    expect(await page.getByRole('form', { name: 'Specs' }).count()).toBe(0);
    const form = page.getByRole('form', { name: 'Post notes' });
    await form.getByLabel('Material').fill('rice paper');
    await form.getByRole('button', { name: 'Save Post notes' }).click();
    await form.getByRole('status').filter({ hasText: 'Post notes saved.' }).waitFor();
    expect(await h.violations(page)).toEqual([]);
    const read = api.expectStatus('attached', await api.call('GET', `/flex/attached/content_node/${id}`, undefined, staff), 200).body as {
      items: { schema: string; values: Record<string, unknown> }[];
    };
    expect(read.items.map((i) => [i.schema, i.values])).toEqual([['post-notes', { material: 'rice paper' }]]);
  });
});
