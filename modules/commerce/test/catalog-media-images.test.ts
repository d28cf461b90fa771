import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TenantRef } from '@rustok/kernel';
import mediaModule from '@rustok/media';
import { createTestPlatform, describeEachBackend, type TestPlatform } from '@rustok/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { commerceModule } from '../src/module.js';
import { caller, expectProblem, ok, simpleProduct } from './catalog-helpers.js';

type Headers = Record<string, string>;
const BOUNDARY = '----commerce-media';

/** A PNG uploaded to the media module as the given admin; the asset's id. */
const uploadImage = async (p: TestPlatform, headers: Headers, alt: string): Promise<string> => {
  const png = await sharp({ create: { width: 320, height: 160, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer();
  const payload = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="alt"\r\n\r\n${alt}\r\n`),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`),
    png,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  const res = await p.app.inject({
    method: 'POST',
    url: '/api/v1/media',
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
};

/** Product images that name media assets: resolved through media's contracts to their immutable URLs. */
describeEachBackend('product images from the media module', (backend) => {
  let p: TestPlatform;
  let root: string;
  let tenant: TenantRef;
  let admin: Headers;
  let otherAdmin: Headers;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(p)(...args);

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'rustok-commerce-media-'));
    const config = { settings: { rustok: { media: { local: { root } } } } };
    p = await createTestPlatform({ backend, modules: [mediaModule, commerceModule], config });
    tenant = await p.createTenant('shop-media-a');
    const other = await p.createTenant('shop-media-b');
    admin = (await p.userWithToken(tenant.id, ['admin'])).headers;
    otherAdmin = (await p.userWithToken(other.id, ['admin'])).headers;
  });
  afterAll(async () => {
    await p?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('stores a mediaId image with the asset’s URL and alt text, beside a plain URL', async () => {
    const mediaId = await uploadImage(p, admin, 'Blue cap');
    const images = [{ mediaId }, 'https://cdn.example.com/cap-side.jpg', { mediaId, alt: 'Own text' }];
    const product = await ok(call('POST', '/commerce/products', admin, simpleProduct('Cap', { images })), 201);
    expect(product.images).toEqual([
      { url: `/api/v1/media/${mediaId}/file`, alt: 'Blue cap', mediaId },
      { url: 'https://cdn.example.com/cap-side.jpg', alt: null },
      { url: `/api/v1/media/${mediaId}/file`, alt: 'Own text', mediaId },
    ]);
    const changed = await ok(call('PATCH', `/commerce/products/${product.id}`, admin, { images: [{ mediaId, alt: null }] }));
    expect(changed.images).toEqual([{ url: `/api/v1/media/${mediaId}/file`, alt: null, mediaId }]);
  });

  it("refuses an unknown id, another tenant's asset, and an image with both a url and a mediaId or neither", async () => {
    const theirs = await uploadImage(p, otherAdmin, 'Not yours');
    const body = (images: unknown[]) => simpleProduct('Refused', { images });
    const refused = await call('POST', '/commerce/products', admin, body([{ mediaId: theirs }]));
    expectProblem(refused, 422, 'VALIDATION_FAILED');
    expect(refused.json<{ errors: { path: string }[] }>().errors.map((e) => e.path)).toEqual(['/images/0/mediaId']);
    const both = { mediaId: theirs, url: 'https://cdn.example.com/x.jpg' };
    expectProblem(await call('POST', '/commerce/products', admin, body([both])), 422, 'VALIDATION_FAILED');
    expectProblem(await call('POST', '/commerce/products', admin, body([{ alt: 'nothing' }])), 422, 'VALIDATION_FAILED');
  });
});
