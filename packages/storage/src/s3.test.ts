import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Storage, type S3Storage } from './s3.js';
import { readAll, storageContract } from './test-fixtures/contract.js';
import { startS3Server, type TestS3Server } from './test-fixtures/s3-server.js';

let server: TestS3Server;
let storage: S3Storage;

beforeAll(async () => {
  server = await startS3Server();
  storage = createS3Storage({
    bucket: server.bucket,
    endpoint: server.endpoint,
    forcePathStyle: true,
    credentials: server.credentials,
    partSizeBytes: 5 * 1024 * 1024,
  });
});
afterAll(async () => {
  storage?.close();
  await server?.stop();
});

describe('S3 driver: the port contract', () => storageContract(() => storage));

describe('S3 driver', () => {
  it('sends a body larger than a part as a multipart upload', async () => {
    const bytes = randomBytes(5 * 1024 * 1024 + 700_000);
    const chunks = Array.from({ length: 12 }, (_, i) => bytes.subarray(i * 500_000, (i + 1) * 500_000));
    const before = server.requests.length;
    const put = await storage.put('t1/big/video.bin', Readable.from(chunks), { contentType: 'video/mp4' });
    expect(put.size).toBe(bytes.length);
    const requests = server.requests.slice(before);
    expect(requests.some((r) => r.startsWith('POST ') && r.includes('uploads'))).toBe(true);
    expect(requests.filter((r) => r.startsWith('PUT ') && r.includes('partNumber='))).toHaveLength(2);
    expect(await storage.head('t1/big/video.bin')).toMatchObject({ size: bytes.length, contentType: 'video/mp4' });
    expect((await readAll(storage, 't1/big/video.bin'))?.equals(bytes)).toBe(true);
  });

  it('gives a presigned PUT that a plain HTTP client uploads through', async () => {
    const bytes = randomBytes(2048);
    const presigned = await storage.presignPut('t1/direct/upload.png', {
      contentType: 'image/png',
      contentLength: bytes.length,
      expiresInS: 60,
    });
    if (!presigned) throw new Error('the S3 driver presigns');
    const signed = new URL(presigned.url).searchParams;
    expect(signed.get('X-Amz-SignedHeaders')?.split(';')).toEqual(['content-length', 'content-type', 'host']);
    expect(signed.get('X-Amz-Expires')).toBe('60');
    expect([...signed.keys()].filter((name) => name.toLowerCase().includes('checksum'))).toEqual([]);
    const response = await fetch(presigned.url, { method: presigned.method, headers: presigned.headers, body: bytes });
    expect(response.status).toBe(200);
    expect(await storage.head('t1/direct/upload.png')).toMatchObject({ size: 2048, contentType: 'image/png' });
    expect(await readAll(storage, 't1/direct/upload.png')).toEqual(bytes);
  });

  it('refuses to presign a length that is not a byte count', async () => {
    await expect(storage.presignPut('t1/x.png', { contentType: 'image/png', contentLength: -1 })).rejects.toThrow(RangeError);
  });
});
