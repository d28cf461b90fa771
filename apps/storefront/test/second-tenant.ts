import { request as httpRequest } from 'node:http';
import type { ShopHarness } from './harness.js';

export interface SecondTenant {
  readonly id: string;
  readonly slug: string;
  readonly host: string;
  /** REST calls as the tenant's owner. */
  readonly headers: Record<string, string>;
}

/**
 * A second tenant made as the platform administrator does it: created with an owner, given a custom
 * domain, its owner signed in (the tenant named in the header).
 */
export const createSecondTenant = async (shop: ShopHarness, slug: string, host: string): Promise<SecondTenant> => {
  const owner = { email: `owner@${host}`, password: 'Second-tenant-password-1', name: 'Owner' };
  const created = await shop.api<{ tenant: { id: string } }>('POST', '/platform/tenants', { name: `Shop ${slug}`, slug, owner });
  if (created.status !== 201) throw new Error(`tenant not created: ${JSON.stringify(created.body)}`);
  const id = created.body.tenant.id;
  const domain = await shop.api('PATCH', `/platform/tenants/${id}`, { domains: [host] });
  if (domain.status !== 200) throw new Error(`domain not set: ${JSON.stringify(domain.body)}`);
  const login = await shop.api<{ accessToken: string }>(
    'POST',
    '/auth/login',
    { email: owner.email, password: owner.password },
    { 'x-tenant-id': slug },
  );
  if (login.status !== 200) throw new Error(`owner not signed in: ${JSON.stringify(login.body)}`);
  return { id, slug, host, headers: { authorization: `Bearer ${login.body.accessToken}`, 'x-tenant-id': id } };
};

/** A published product with one variant priced in USD, EUR and RUB; its id and first variant's id. */
export const createPublishedProduct = async (
  shop: ShopHarness,
  headers: Record<string, string>,
  input: { title: string; handle: string; usd: number },
): Promise<{ id: string; variantId: string }> => {
  const prices = [
    { amount: input.usd, currencyCode: 'USD' },
    { amount: input.usd, currencyCode: 'EUR' },
    { amount: input.usd * 100, currencyCode: 'RUB' },
  ];
  const created = await shop.api<{ id: string; variants: { id: string }[] }>(
    'POST',
    '/commerce/products',
    { title: input.title, handle: input.handle, status: 'published', variants: [{ title: 'Default', prices, inventory: 10 }] },
    headers,
  );
  if (created.status !== 201) throw new Error(`product not created: ${JSON.stringify(created.body)}`);
  return { id: created.body.id, variantId: created.body.variants[0]?.id ?? '' };
};

/** A GET of the storefront with the Host given (fetch does not send a Host of one's own choosing). */
export const pageAt = (shop: ShopHarness, path: string, host: string): Promise<{ status: number; type: string; text: string }> =>
  new Promise((resolve, reject) => {
    const url = new URL(path, shop.server.address);
    const request = httpRequest(url, { headers: { host, accept: 'text/html' } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          type: String(response.headers['content-type'] ?? ''),
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
