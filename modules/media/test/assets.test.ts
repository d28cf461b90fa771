import { randomBytes } from 'node:crypto';
import { image } from '@rustok/storage/test-fixtures';
import { caller, describeEachBackend, expectProblem, graphqlClient, ok, outboxEvents } from '@rustok/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AssetList, MediaAsset } from '../src/schemas.js';
import { fetchFile, filesUnder, type Headers, type MediaWorld, mediaWorld, upload, uploaded } from './helpers.js';

const MAX = 1_048_576;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

describeEachBackend('media on the local driver', (backend) => {
  let w: MediaWorld;
  let editor: Headers;
  let customer: Headers;
  let photo: MediaAsset;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(w.p)(...args);
  const { data, codes } = graphqlClient(() => w.p);

  beforeAll(async () => {
    w = await mediaWorld(backend, { max_upload_bytes: MAX });
    editor = (await w.p.userWithToken(w.tenant.id, ['editor'])).headers;
    customer = (await w.p.userWithToken(w.tenant.id, ['customer'])).headers;
  });
  afterAll(() => w?.close());

  it('uploads an image: the sniffed type, its size, WebP variants never enlarged, one event, files under <tenant>/<asset>/', async () => {
    const bytes = await image('jpeg', 1200, 600);
    photo = await uploaded(upload(w, w.admin, { name: 'Holiday photo.JPG', type: 'image/jpeg', bytes }, { alt: ' The sea ' }));
    expect(photo).toMatchObject({ fileName: 'Holiday photo.JPG', contentType: 'image/jpeg', size: bytes.length, width: 1200, height: 600 });
    expect(photo.alt).toBe('The sea');
    expect(photo.variants.map((v) => [v.name, v.width, v.height, v.contentType])).toEqual([
      ['thumb', 160, 80, 'image/webp'],
      ['small', 480, 240, 'image/webp'],
      ['medium', 960, 480, 'image/webp'],
      ['large', 1200, 600, 'image/webp'],
    ]);
    expect(photo.url).toBe(`/api/v1/media/${photo.id}/file`);
    expect(photo.variants[0]?.url).toBe(`/api/v1/media/${photo.id}/file?variant=thumb`);
    const prefix = `${w.tenant.id}/${photo.id}/`;
    expect(await filesUnder(`${w.root}/objects`)).toEqual(
      ['large.webp', 'medium.webp', 'original', 'small.webp', 'thumb.webp'].map((f) => `${prefix}${f}`),
    );
    const events = await outboxEvents(w.p, w.tenant.id, "type = 'media.asset.created'");
    expect(events.map((e) => e.payload)).toEqual([
      {
        assetId: photo.id,
        fileName: 'Holiday photo.JPG',
        contentType: 'image/jpeg',
        size: bytes.length,
        width: 1200,
        height: 600,
        variants: ['thumb', 'small', 'medium', 'large'],
      },
    ]);
  });

  it('serves the file and its variants to visitors with immutable caching, an ETag, the sniffed type and nosniff', async () => {
    const thumb = await fetchFile(w, w.tenant.id, `${photo.url}?variant=thumb`);
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers).toMatchObject({
      'content-type': 'image/webp',
      'cache-control': IMMUTABLE,
      etag: `"${photo.id}.thumb"`,
      'x-content-type-options': 'nosniff',
    });
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(160);
    expect(Number(thumb.headers['content-length'])).toBe(thumb.rawPayload.length);
    const original = await fetchFile(w, w.tenant.id, photo.url);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(original.headers['content-disposition']).toMatch(/^inline; /);
    expect((await sharp(original.rawPayload).metadata()).width).toBe(1200);
    const again = await fetchFile(w, w.tenant.id, `${photo.url}?variant=thumb`, { 'if-none-match': `"${photo.id}.thumb"` });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    expectProblem(await fetchFile(w, w.tenant.id, `${photo.url}?variant=huge`), 404, 'MEDIA_VARIANT_NOT_FOUND');
  });

  it("answers 404 for another tenant's asset, its record and its file", async () => {
    expectProblem(await fetchFile(w, w.other.id, photo.url), 404, 'MEDIA_ASSET_NOT_FOUND');
    expectProblem(await call('GET', `/media/${photo.id}`, w.otherAdmin), 404, 'MEDIA_ASSET_NOT_FOUND');
    expectProblem(await call('DELETE', `/media/${photo.id}`, w.otherAdmin), 404, 'MEDIA_ASSET_NOT_FOUND');
  });

  it('refuses a file lying about its type, a type not allowed, an empty or too large file, each with its code, storing nothing', async () => {
    const before = await filesUnder(`${w.root}/objects`);
    const lying = await upload(w, w.admin, { name: 'photo.png', type: 'image/png', bytes: HTML });
    expectProblem(lying, 422, 'MEDIA_TYPE_MISMATCH');
    const png = await image('png', 40, 30);
    expectProblem(await upload(w, w.admin, { name: 'photo.jpg', type: 'image/jpeg', bytes: png }), 422, 'MEDIA_TYPE_MISMATCH');
    expectProblem(
      await upload(w, w.admin, { name: 'notes.txt', type: 'text/plain', bytes: Buffer.from('hello') }),
      415,
      'MEDIA_TYPE_NOT_ALLOWED',
    );
    expectProblem(await upload(w, w.admin, { name: 'x.png', type: 'image/png', bytes: Buffer.alloc(0) }), 422, 'MEDIA_FILE_EMPTY');
    const big = Buffer.concat([png, randomBytes(MAX)]);
    expectProblem(await upload(w, w.admin, { name: 'big.png', type: 'image/png', bytes: big }), 413, 'MEDIA_FILE_TOO_LARGE');
    const broken = png.subarray(0, 60);
    expectProblem(await upload(w, w.admin, { name: 'broken.png', type: 'image/png', bytes: broken }), 422, 'MEDIA_IMAGE_UNREADABLE');
    expectProblem(await call('POST', '/media', w.admin, { file: 'x' }), 422, 'MEDIA_FILE_REQUIRED');
    // A multipart body the parser cannot read (no part, cut short) is the client's error, not the server's.
    for (const payload of ['E9}{<Q4', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc']) {
      const res = await w.p.app.inject({
        method: 'POST',
        url: '/api/v1/media',
        headers: { ...w.admin, 'content-type': 'multipart/form-data; boundary=x' },
        payload,
      });
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await filesUnder(`${w.root}/objects`)).toEqual(before);
    expect(await outboxEvents(w.p, w.tenant.id, "type = 'media.asset.created'")).toHaveLength(1);
  });

  it('stores a PDF as a document: no variants, served as an attachment', async () => {
    const pdf = await uploaded(upload(w, w.admin, { name: 'Preisliste Müller (2026).pdf', type: 'application/octet-stream', bytes: PDF }));
    expect(pdf).toMatchObject({ contentType: 'application/pdf', width: null, height: null, variants: [] });
    const res = await fetchFile(w, w.tenant.id, pdf.url);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="Preisliste M_ller (2026).pdf"; filename*=UTF-8\'\'Preisliste%20M%C3%BCller%20%282026%29.pdf',
    );
    expect(res.rawPayload.equals(PDF)).toBe(true);
  });

  it('lists newest first in pages, by kind; staff only', async () => {
    const first = await ok<AssetList>(call('GET', '/media?limit=1', editor));
    expect(first.items.map((a) => a.contentType)).toEqual(['application/pdf']);
    const next = await ok<AssetList>(call('GET', `/media?limit=1&cursor=${first.nextCursor}`, editor));
    expect(next.items.map((a) => a.id)).toEqual([photo.id]);
    expect(next.nextCursor).toBeNull();
    expect((await ok<AssetList>(call('GET', '/media?type=image', w.admin))).items.map((a) => a.id)).toEqual([photo.id]);
    expect((await ok<AssetList>(call('GET', '/media?type=document', w.admin))).items).toHaveLength(1);
    expect((await ok<AssetList>(call('GET', '/media', w.otherAdmin))).items).toEqual([]);
    expectProblem(await call('GET', '/media', customer), 403, 'AUTH_FORBIDDEN');
    expectProblem(await call('GET', '/media', { 'x-tenant-id': w.tenant.id }), 401);
    expectProblem(await upload(w, editor, { name: 'a.png', type: 'image/png', bytes: await image('png') }), 403, 'AUTH_FORBIDDEN');
  });

  it('changes the alternative text and answers the same over GraphQL', async () => {
    const changed = await ok<MediaAsset>(call('PATCH', `/media/${photo.id}`, w.admin, { alt: 'Waves' }));
    expect(changed.alt).toBe('Waves');
    const query =
      '{ mediaAssets(first: 10, type: image) { items { id alt url variants { name width url } thumb: variantUrl(name: "thumb") } nextCursor } }';
    const list = await data<{ items: Record<string, unknown>[] }>('mediaAssets', editor, query);
    expect(list.items).toEqual([
      {
        id: photo.id,
        alt: 'Waves',
        url: photo.url,
        variants: photo.variants.map((v) => ({ name: v.name, width: v.width, url: v.url })),
        thumb: `${photo.url}?variant=thumb`,
      },
    ]);
    const one = await data<{ contentType: string }>('mediaAsset', editor, `{ mediaAsset(id: "${photo.id}") { contentType } }`);
    expect(one.contentType).toBe('image/jpeg');
    const update = 'mutation ($id: ID!) { updateMediaAsset(id: $id, input: { alt: null }) { alt } }';
    expect(await data('updateMediaAsset', w.admin, update, { id: photo.id })).toEqual({ alt: null });
    expect(await codes(editor, update, { id: photo.id })).toEqual(['AUTH_FORBIDDEN']);
    expect(await codes(w.otherAdmin, update, { id: photo.id })).toEqual(['MEDIA_ASSET_NOT_FOUND']);
    const events = await outboxEvents(w.p, w.tenant.id, "type = 'media.asset.updated'");
    expect(events.map((e) => e.payload)).toEqual([
      { assetId: photo.id, alt: 'Waves' },
      { assetId: photo.id, alt: null },
    ]);
  });

  it('deletes an asset with its files (REST and GraphQL), with an event; its URLs are gone', async () => {
    const second = await uploaded(upload(w, w.admin, { name: 'b.webp', type: 'image/webp', bytes: await image('webp', 300, 200) }));
    expect(await ok(call('DELETE', `/media/${photo.id}`, w.admin), 204)).toBeUndefined();
    expect((await filesUnder(`${w.root}/objects`)).filter((f) => f.includes(photo.id))).toEqual([]);
    expectProblem(await fetchFile(w, w.tenant.id, `${photo.url}?variant=thumb`), 404, 'MEDIA_ASSET_NOT_FOUND');
    expect(await data('deleteMediaAsset', w.admin, `mutation { deleteMediaAsset(id: "${second.id}") }`)).toBe(true);
    expect((await filesUnder(`${w.root}/objects`)).filter((f) => f.includes(second.id))).toEqual([]);
    const events = await outboxEvents(w.p, w.tenant.id, "type = 'media.asset.deleted'");
    expect(events.map((e) => e.payload)).toEqual([{ assetId: photo.id }, { assetId: second.id }]);
  });

  it('refuses direct uploads on the local driver', async () => {
    const body = { fileName: 'a.png', contentType: 'image/png', size: 100 };
    expectProblem(await call('POST', '/media/uploads', w.admin, body), 409, 'MEDIA_DIRECT_UPLOAD_UNAVAILABLE');
  });

  it('answers 404 for a tenant that disabled the module', async () => {
    await ok(call('PUT', '/modules/media', w.admin, { enabled: false }));
    expectProblem(await call('GET', '/media', w.admin), 404);
    expectProblem(await upload(w, w.admin, { name: 'a.png', type: 'image/png', bytes: await image('png') }), 404);
    await ok(call('PUT', '/modules/media', w.admin, { enabled: true }));
    expect((await ok<AssetList>(call('GET', '/media', w.admin))).items).toHaveLength(1);
  });
});
