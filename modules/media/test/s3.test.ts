import { createS3Storage, type S3Storage } from '@rustok/storage';
import { image, startS3Server, type TestS3Server } from '@rustok/storage/test-fixtures';
import { caller, describeEachBackend, expectProblem, ok, outboxEvents } from '@rustok/testing';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DirectUpload, MediaAsset } from '../src/schemas.js';
import { fetchFile, type MediaWorld, mediaWorld, upload, uploaded } from './helpers.js';

const HTML = Buffer.from('<!doctype html><html><body><script>fetch("/steal")</script></body></html>');

describeEachBackend('media on the S3 driver (s3rver)', (backend) => {
  let server: TestS3Server;
  let bucket: S3Storage;
  let w: MediaWorld;
  const call = (...args: Parameters<ReturnType<typeof caller>>) => caller(w.p)(...args);
  const keysOf = async (prefix: string) => (await bucket.list(prefix)).items.map((i) => i.key).sort();

  /** The presigned PUT, done by a plain HTTP client as a browser would. */
  const put = async (direct: DirectUpload, bytes: Buffer) =>
    fetch(direct.url, { method: direct.method, headers: direct.headers, body: new Uint8Array(bytes) });

  beforeAll(async () => {
    server = await startS3Server();
    bucket = createS3Storage({ bucket: server.bucket, endpoint: server.endpoint, forcePathStyle: true, credentials: server.credentials });
    const s3 = {
      endpoint: server.endpoint,
      bucket: server.bucket,
      access_key_id: server.credentials.accessKeyId,
      secret_access_key: server.credentials.secretAccessKey,
      force_path_style: true,
      presign_expires_s: 60,
    };
    w = await mediaWorld(backend, { driver: 's3', s3, max_upload_bytes: 1_048_576, variants: [{ name: 'thumb', width: 100 }] });
  });
  afterAll(async () => {
    await w?.close();
    bucket?.close();
    await server?.stop();
  });

  it('uploads through the server into the bucket, serves the variant, deletes the objects with the asset', async () => {
    const asset = await uploaded(upload(w, w.admin, { name: 'a.png', type: 'image/png', bytes: await image('png', 400, 200) }));
    expect(asset.variants.map((v) => [v.name, v.width, v.height])).toEqual([['thumb', 100, 50]]);
    const prefix = `${w.tenant.id}/${asset.id}/`;
    expect(await keysOf(prefix)).toEqual([`${prefix}original`, `${prefix}thumb.webp`]);
    const thumb = await fetchFile(w, w.tenant.id, asset.variants[0]?.url ?? '');
    expect(thumb.headers).toMatchObject({ 'content-type': 'image/webp', 'cache-control': 'public, max-age=31536000, immutable' });
    expect((await sharp(thumb.rawPayload).metadata()).width).toBe(100);
    await ok(call('DELETE', `/media/${asset.id}`, w.admin), 204);
    expect(await keysOf(prefix)).toEqual([]);
  });

  it('takes a direct upload: presigned PUT by a plain HTTP client, completion reads it back and makes the variants', async () => {
    const bytes = await image('jpeg', 300, 300);
    const direct = await ok<DirectUpload>(
      call('POST', '/media/uploads', w.admin, { fileName: 'square.jpg', contentType: 'image/jpeg', size: bytes.length }),
      201,
    );
    expect(direct).toMatchObject({ method: 'PUT', headers: { 'content-type': 'image/jpeg' } });
    expect(new URL(direct.url).pathname).toBe(`/${server.bucket}/${w.tenant.id}/${direct.uploadId}/original`);
    const path = `/media/uploads/${direct.uploadId}/complete`;
    expectProblem(await call('POST', path, w.admin), 409, 'MEDIA_UPLOAD_NOT_RECEIVED');
    expect((await put(direct, bytes)).status).toBe(200);
    const asset = await ok<MediaAsset>(call('POST', path, w.admin), 201);
    expect(asset).toMatchObject({ id: direct.uploadId, fileName: 'square.jpg', contentType: 'image/jpeg', width: 300, height: 300 });
    expect(asset.variants.map((v) => [v.name, v.width])).toEqual([['thumb', 100]]);
    const original = await fetchFile(w, w.tenant.id, asset.url);
    expect(original.rawPayload.equals(bytes)).toBe(true);
    expectProblem(await call('POST', path, w.admin), 404, 'MEDIA_UPLOAD_NOT_FOUND');
    const created = await outboxEvents(w.p, w.tenant.id, "type = 'media.asset.created'", (p) => p.assetId === asset.id);
    expect(created).toHaveLength(1);
  });

  it('refuses and deletes a direct upload whose bytes lie about its type', async () => {
    const direct = await ok<DirectUpload>(
      call('POST', '/media/uploads', w.admin, { fileName: 'photo.png', contentType: 'image/png', size: HTML.length }),
      201,
    );
    expect((await put(direct, HTML)).status).toBe(200);
    const prefix = `${w.tenant.id}/${direct.uploadId}/`;
    expect(await keysOf(prefix)).toEqual([`${prefix}original`]);
    const path = `/media/uploads/${direct.uploadId}/complete`;
    expectProblem(await call('POST', path, w.admin), 422, 'MEDIA_TYPE_MISMATCH');
    expect(await keysOf(prefix)).toEqual([]);
    expectProblem(await call('POST', path, w.admin), 404, 'MEDIA_UPLOAD_NOT_FOUND');
    expectProblem(await call('GET', `/media/${direct.uploadId}`, w.admin), 404, 'MEDIA_ASSET_NOT_FOUND');
  });

  it("checks the announced size and type before signing, and keeps another tenant's upload out of reach", async () => {
    const big = { fileName: 'big.png', contentType: 'image/png', size: 2_000_000 };
    expectProblem(await call('POST', '/media/uploads', w.admin, big), 413, 'MEDIA_FILE_TOO_LARGE');
    const svg = { fileName: 'x.svg', contentType: 'image/svg+xml', size: 100 };
    expectProblem(await call('POST', '/media/uploads', w.admin, svg), 415, 'MEDIA_TYPE_NOT_ALLOWED');
    const bytes = await image('png', 40, 40);
    const direct = await ok<DirectUpload>(
      call('POST', '/media/uploads', w.admin, { fileName: 'b.png', contentType: 'image/png', size: bytes.length }),
      201,
    );
    await put(direct, bytes);
    expectProblem(await call('POST', `/media/uploads/${direct.uploadId}/complete`, w.otherAdmin), 404, 'MEDIA_UPLOAD_NOT_FOUND');
    await ok(call('POST', `/media/uploads/${direct.uploadId}/complete`, w.admin), 201);
  });
});
