// The shop the server suites set up over HTTP: a tenant made by the deployment's administrator,
// its owner signed in, and products to work on. See bench/README.md.
import { httpJson } from './storefront-http.mjs';

/** The built server's first administrator (RUSTOK_ADMIN_EMAIL) in the server suites. */
export const ADMIN_EMAIL = 'bench-admin@example.com';

/** The answer's body when it has the expected status; otherwise an error naming the call. */
export const must = (res, status, what) => {
  if (res.status !== status) throw new Error(`${what} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return res.body;
};

export const login = async (base, tenant, email, password) =>
  must(
    await httpJson('POST', `${base}/api/v1/auth/login`, { headers: { 'x-tenant-id': tenant }, body: { email, password } }),
    200,
    'login',
  );

/**
 * Tenant `slug` made by the administrator, its owner signed in, and one product per body that
 * `productOf(i)` gives for i < count: { headers (the owner's), products (ids) }.
 */
export const prepareShop = async ({ base, password, slug, count, productOf }) => {
  const admin = await login(base, 'default', ADMIN_EMAIL, password);
  const owner = { email: `owner@${slug}.example.com`, password };
  must(
    await httpJson('POST', `${base}/api/v1/platform/tenants`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
      body: { name: 'Bench', slug, owner },
    }),
    201,
    'POST /platform/tenants',
  );
  const headers = { authorization: `Bearer ${(await login(base, slug, owner.email, password)).accessToken}`, 'x-tenant-id': slug };
  const products = [];
  for (let i = 0; i < count; i++)
    products.push(
      must(await httpJson('POST', `${base}/api/v1/commerce/products`, { headers, body: productOf(i) }), 201, 'POST product').id,
    );
  return { headers, products };
};

/** The super_admin signs in, creates the tenant `shop` with its owner (an admin), who signs in. */
export const ownerToken = async (base, password) => {
  const login = (tenant, email) =>
    httpJson('POST', `${base}/api/v1/auth/login`, { headers: { 'x-tenant-id': tenant }, body: { email, password } });
  const admin = await login('default', ADMIN_EMAIL);
  if (admin.status !== 200) throw new Error(`super_admin login answered ${admin.status}: ${JSON.stringify(admin.body)}`);
  const created = await httpJson('POST', `${base}/api/v1/platform/tenants`, {
    headers: { authorization: `Bearer ${admin.body.accessToken}` },
    body: { name: 'Shop', slug: 'shop', owner: { email: 'owner@shop.example.com', password } },
  });
  if (created.status !== 201) throw new Error(`POST /platform/tenants answered ${created.status}: ${JSON.stringify(created.body)}`);
  const owner = await login('shop', 'owner@shop.example.com');
  return { tenant: { id: created.body.tenant.id, slug: 'shop' }, token: owner.body.accessToken, platformToken: admin.body.accessToken };
};
