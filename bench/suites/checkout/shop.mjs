// Helpers of the checkout suite: HTTP with a keep-alive agent, the built server, the bench shop
// (tenant, product, tax, shipping) and prepared carts, all over the public API.
import { readFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { httpJson as requestJson, startBuiltServer } from '../../lib.mjs';

const ADDRESS = { name: 'Bench Buyer', line1: '1 Load St', city: 'Benchton', postalCode: '10001', countryCode: 'US' };
export const CHECKOUT_BODY = JSON.stringify({ email: 'buyer@bench.example.com', shippingAddress: ADDRESS });

// ---------------------------------------------------------------------------------------------
// HTTP

export const agent = new Agent({ keepAlive: true, maxSockets: 1_000 });

/** One JSON request over the suite's keep-alive agent: { status, body }. */
export const httpJson = (method, url, options = {}) => requestJson(method, url, { agent, timeoutMs: 60_000, ...options });

/** `httpJson` that insists on the status. */
export const expectJson = async (method, url, options, status) => {
  const res = await httpJson(method, url, options);
  if (res.status !== status) throw new Error(`${method} ${url} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
  return res.body;
};

/** Runs fn over 0..n-1, `limit` at a time. */
const pool = async (n, limit, fn) => {
  const out = new Array(n);
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = next++;
      out[i] = await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
  return out;
};

// ---------------------------------------------------------------------------------------------
// The server and the shop

/** The built server, ready (see startBuiltServer). */
export const startServer = ({ root, env, o }) => startBuiltServer({ root, env, readyTimeoutMs: o.readyTimeoutMs });

/** CPU time (user + system, ms) a process has used so far (Linux /proc), or null elsewhere. */
export const cpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
};

const login = (base, tenant, email, password) =>
  expectJson('POST', `${base}/api/v1/auth/login`, { headers: { 'x-tenant-id': tenant }, body: { email, password } }, 200);

/** Tenant `bench` with an owner (role admin) made by the bootstrapped super_admin; a published product with a plentiful and a scarce variant; tax and shipping. */
export const prepareShop = async (base, adminEmail, password, o) => {
  const admin = await login(base, 'default', adminEmail, password);
  await expectJson(
    'POST',
    `${base}/api/v1/platform/tenants`,
    {
      headers: { authorization: `Bearer ${admin.accessToken}` },
      body: { name: 'Bench', slug: 'bench', owner: { email: 'owner@bench.example.com', password } },
    },
    201,
  );
  const owner = await login(base, 'bench', 'owner@bench.example.com', password);
  const headers = { authorization: `Bearer ${owner.accessToken}`, 'x-tenant-id': 'bench' };
  const variant = (title, sku, inventory) => ({ title, sku, prices: [{ amount: 1999, currencyCode: 'USD' }], inventory });
  const plenty = Array.from({ length: o.variants }, (_, i) => variant(`Plenty ${i + 1}`, `BENCH-PLENTY-${i + 1}`, 100_000_000));
  const product = await expectJson(
    'POST',
    `${base}/api/v1/commerce/products`,
    {
      headers,
      body: {
        title: 'Bench product',
        status: 'published',
        variants: [...plenty, variant('Scarce', 'BENCH-SCARCE', o.oversellStock)],
      },
    },
    201,
  );
  await expectJson('POST', `${base}/api/v1/commerce/tax-rates`, { headers, body: { countryCode: 'US', name: 'Tax', rateBp: 825 } }, 201);
  const shipping = await expectJson(
    'POST',
    `${base}/api/v1/commerce/shipping-options`,
    { headers, body: { name: 'Flat', currencyCode: 'USD', amount: 599 } },
    201,
  );
  const bySku = Object.fromEntries(product.variants.map((v) => [v.sku, v.id]));
  return { headers, plenty: plenty.map((v) => bySku[v.sku]), scarce: bySku['BENCH-SCARCE'], shippingId: shipping.id };
};

/**
 * `n` guest carts holding one unit of a variant (round-robin over `variantIds`), with country and
 * shipping set (3 requests each). Each is `{ id, token }`: the cart token goes with every cart call.
 */
export const prepareCarts = (base, shop, variantIds, n, concurrency) => {
  const guest = { 'x-tenant-id': 'bench' };
  return pool(n, concurrency, async (i) => {
    const variantId = variantIds[i % variantIds.length];
    const made = await expectJson('POST', `${base}/api/v1/store/carts`, { headers: guest, body: { currencyCode: 'USD' } }, 201);
    const cart = { id: made.cart.id, token: made.cartToken };
    const headers = { ...guest, 'x-cart-token': cart.token };
    await expectJson('POST', `${base}/api/v1/store/carts/${cart.id}/items`, { headers, body: { variantId, quantity: 1 } }, 200);
    await expectJson(
      'PATCH',
      `${base}/api/v1/store/carts/${cart.id}`,
      { headers, body: { countryCode: 'US', shippingOptionId: shop.shippingId } },
      200,
    );
    return cart;
  });
};

export const stockOf = async (base, shop, variantIds) => {
  let sum = 0;
  for (const id of variantIds)
    sum += (await expectJson('GET', `${base}/api/v1/commerce/inventory/${id}`, { headers: shop.headers }, 200)).available;
  return sum;
};
