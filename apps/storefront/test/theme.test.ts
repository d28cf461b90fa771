import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

const until = async (check: () => Promise<boolean>, ms: number): Promise<number> => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return Date.now() - started;
};

describe('the tenant’s storefront settings: name, tagline, colours', () => {
  let shop: ShopHarness;
  beforeAll(async () => {
    shop = await startShop({ storefront: { siteTtlMs: 300, assets: 'fresh' } });
  });
  afterAll(() => shop?.close());

  it('refuses malformed settings with 422 naming the field', async () => {
    const res = await shop.api<{ code: string; errors: { path: string }[] }>('PUT', '/settings/storefront', { colors: { primary: 'red' } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e) => e.path).join(' ')).toContain('colors/primary');
  });

  it('shows a change on the cached home page once the settings are read again (the tenant’s pages are purged)', async () => {
    const before = await (await shop.page('/')).text();
    expect(before).not.toContain('Tea &amp; Things');
    const put = await shop.api('PUT', '/settings/storefront', {
      name: 'Tea & Things',
      tagline: 'Leaves from everywhere',
      colors: { primary: '#0a7d5a' },
    });
    expect(put.status).toBe(200);
    expect((await shop.api<{ storefront: { name: string } }>('GET', '/store/settings')).body.storefront.name).toBe('Tea & Things');
    await until(async () => (await (await shop.page('/')).text()).includes('Tea &amp; Things'), 5_000);
    const after = await (await shop.page('/')).text();
    expect(after).toContain('<title>Tea &amp; Things</title>');
    expect(after).toContain('Leaves from everywhere');
    expect(after).toContain(':root{--primary:#0a7d5a}');
  });
});
