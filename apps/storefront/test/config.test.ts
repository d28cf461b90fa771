import { afterEach, describe, expect, it } from 'vitest';
import { type ShopHarness, startShop } from './harness.js';

describe('the storefront’s settings (server.storefront)', () => {
  let shop: ShopHarness | undefined;
  afterEach(async () => {
    await shop?.close();
    shop = undefined;
  });

  it('serves no storefront when it is off: / is the platform’s problem+json 404', async () => {
    shop = await startShop({ overrides: { server: { storefront: { enabled: false } } } });
    const response = await shop.page('/');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('renders every request without the page cache: no ETag, the page still shared with browsers as revalidate-always', async () => {
    shop = await startShop({ overrides: { server: { storefront: { page_cache: false } } } });
    const response = await shop.page('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('public, no-cache');
  });
});
