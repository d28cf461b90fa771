import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStandalone } from '../src/standalone.js';
import { type ShopHarness, startShop } from './harness.js';

describe('the storefront as its own process, in front of the platform over HTTP', () => {
  let shop: ShopHarness;
  let front: FastifyInstance;
  beforeAll(async () => {
    shop = await startShop({ storefront: false });
    front = await buildStandalone({ apiUrl: shop.server.address, assets: 'fresh' });
  });
  afterAll(async () => {
    await front?.close();
    await shop?.close();
  });

  it('renders the default tenant’s home page from the API it reaches over HTTP', async () => {
    const page = await front.inject({ method: 'GET', url: '/', headers: { host: 'localhost' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/products/classic-t-shirt"');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('serves its own assets and a 404 page for unknown addresses', async () => {
    const home = await front.inject({ method: 'GET', url: '/', headers: { host: 'localhost' } });
    const css = /href="(\/assets\/storefront-[\w]+\.css)"/.exec(home.body)?.[1];
    expect(css).toBeDefined();
    expect((await front.inject({ method: 'GET', url: css ?? '' })).statusCode).toBe(200);
    expect((await front.inject({ method: 'GET', url: '/no/such/page', headers: { host: 'localhost' } })).statusCode).toBe(404);
  });
});
