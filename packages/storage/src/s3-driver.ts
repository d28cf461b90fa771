import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { assertKey, assertPrefix } from './key.js';
import type { ListItem, ListPage, ObjectInfo, PresignedPut, PresignOptions, PutOptions, PutResult, StoredObject } from './port.js';
import { pageSize } from './port.js';
import type { S3Storage, S3StorageOptions } from './s3-types.js';

const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PRESIGN_S = 7 * 24 * 3600;

/**
 * Objects in one S3 bucket through `@aws-sdk/client-s3`. A put goes through `@aws-sdk/lib-storage`'s `Upload`: one
 * PutObject for a body within one part, a multipart upload (aborted on failure) for a larger one. Presigned PUT
 * URLs pin the content type and the exact length. Request checksums are sent only where S3 requires them: the
 * SDK's newer default (a CRC on every request) breaks presigned URLs and several S3-compatible servers.
 */
export const openS3Storage = (options: S3StorageOptions): S3Storage => {
  const client = new S3Client({
    region: options.region ?? 'us-east-1',
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const bucket: Bucket = {
    client,
    name: options.bucket,
    partSize: Math.max(MIN_PART_BYTES, options.partSizeBytes ?? 8 * 1024 * 1024),
    queueSize: Math.max(1, options.queueSize ?? 4),
  };
  return {
    name: 's3',
    put: async (key, body, putOptions) => putS3(bucket, assertKey(key), body, putOptions),
    get: async (key) => getS3(bucket, assertKey(key)),
    head: async (key) => headS3(bucket, assertKey(key)),
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket.name, Key: assertKey(key) }));
    },
    list: async (prefix, listOptions) => listS3(bucket, assertPrefix(prefix), pageSize(listOptions?.limit), listOptions?.cursor),
    presignPut: async (key, presign) => presignPut(bucket, assertKey(key), presign),
    close: () => client.destroy(),
  };
};

interface Bucket {
  client: S3Client;
  name: string;
  partSize: number;
  queueSize: number;
}

const putS3 = async (bucket: Bucket, key: string, body: Buffer | Readable, options: PutOptions): Promise<PutResult> => {
  const counter = { size: Buffer.isBuffer(body) ? body.length : 0 };
  if (Buffer.isBuffer(body) && options.contentLength !== undefined && options.contentLength !== body.length) {
    throw new Error(`storage put ${key}: ${body.length} bytes given, ${options.contentLength} declared`);
  }
  const upload = new Upload({
    client: bucket.client,
    partSize: bucket.partSize,
    queueSize: bucket.queueSize,
    params: {
      Bucket: bucket.name,
      Key: key,
      ContentType: options.contentType,
      Body: Buffer.isBuffer(body) ? body : counted(body, options.contentLength, key, counter),
    },
  });
  const result = await upload.done();
  return { key, size: counter.size, etag: unquote(result.ETag) };
};

const getS3 = async (bucket: Bucket, key: string): Promise<StoredObject | null> => {
  const out = await bucket.client.send(new GetObjectCommand({ Bucket: bucket.name, Key: key })).catch(absentAsNull);
  if (!out) return null;
  if (!(out.Body instanceof Readable)) throw new Error('S3 GetObject: the body is not a Node stream');
  return { key, body: out.Body, ...described(out) };
};

const headS3 = async (bucket: Bucket, key: string): Promise<ObjectInfo | null> => {
  const out = await bucket.client.send(new HeadObjectCommand({ Bucket: bucket.name, Key: key })).catch(absentAsNull);
  return out && { key, ...described(out) };
};

const described = (out: { ContentLength?: number; ContentType?: string; ETag?: string; LastModified?: Date }) => ({
  size: out.ContentLength ?? 0,
  contentType: out.ContentType ?? 'application/octet-stream',
  etag: unquote(out.ETag),
  lastModified: out.LastModified,
});

const listS3 = async (bucket: Bucket, prefix: string, limit: number, cursor: string | undefined): Promise<ListPage> => {
  const out = await bucket.client.send(
    new ListObjectsV2Command({ Bucket: bucket.name, Prefix: prefix || undefined, MaxKeys: limit, StartAfter: cursor }),
  );
  const items = (out.Contents ?? []).flatMap((o): ListItem[] =>
    o.Key ? [{ key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified }] : [],
  );
  const last = items[items.length - 1];
  return out.IsTruncated && last ? { items, cursor: last.key } : { items };
};

const presignPut = async (bucket: Bucket, key: string, options: PresignOptions): Promise<PresignedPut> => {
  if (!Number.isSafeInteger(options.contentLength) || options.contentLength < 0) {
    throw new RangeError(`presignPut: contentLength must be a byte count, got ${options.contentLength}`);
  }
  const expiresIn = Math.max(1, Math.min(MAX_PRESIGN_S, Math.floor(options.expiresInS ?? 300)));
  const command = new PutObjectCommand({
    Bucket: bucket.name,
    Key: key,
    ContentType: options.contentType,
    ContentLength: options.contentLength,
  });
  const url = await getSignedUrl(bucket.client, command, { expiresIn, signableHeaders: new Set(['content-type', 'content-length']) });
  return {
    url,
    method: 'PUT',
    headers: { 'content-type': options.contentType },
    expiresAt: new Date(Date.now() + expiresIn * 1000),
  };
};

/** The body as a stream that counts its bytes and fails (so the upload is abandoned) on a length other than `expected`. */
const counted = (body: Readable, expected: number | undefined, key: string, counter: { size: number }): Readable => {
  const mismatch = () => new Error(`storage put ${key}: ${counter.size} bytes or more received, ${expected} declared`);
  async function* count(chunks: AsyncIterable<Buffer | string>) {
    for await (const chunk of chunks) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      counter.size += bytes.length;
      if (expected !== undefined && counter.size > expected) throw mismatch();
      yield bytes;
    }
    if (expected !== undefined && counter.size !== expected) throw mismatch();
  }
  return Readable.from(count(body));
};

const unquote = (etag: string | undefined): string | undefined => etag?.replace(/^"|"$/g, '');

const absentAsNull = (error: unknown): null => {
  if (error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound')) return null;
  throw error;
};
