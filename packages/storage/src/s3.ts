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
import { type ListItem, type ObjectInfo, type PresignOptions, type PutOptions, pageSize, type StoragePort } from './port.js';

export interface S3StorageOptions {
  bucket: string;
  /** Default `us-east-1`. */
  region?: string;
  /** An S3-compatible server (MinIO, R2, Ceph…); AWS's own endpoint when absent. */
  endpoint?: string;
  /** `bucket` in the path instead of the host name (most S3-compatible servers want this). */
  forcePathStyle?: boolean;
  /** The SDK's default chain (environment, profile, instance role) when absent. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Bodies larger than one part go up as a multipart upload in parts of this size (default 8 MiB, at least 5 MiB). */
  partSizeBytes?: number;
  /** Parts uploaded at once (default 4); a multipart upload holds up to `partSizeBytes × queueSize` in memory. */
  queueSize?: number;
}

export interface S3Storage extends StoragePort {
  /** Closes the client's connections. */
  close(): void;
}

const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PRESIGN_S = 7 * 24 * 3600;

/**
 * Objects in one S3 bucket through `@aws-sdk/client-s3`. A put goes through `@aws-sdk/lib-storage`'s `Upload`: one
 * PutObject for a body within one part, a multipart upload (aborted on failure) for a larger one. Presigned PUT
 * URLs pin the content type and the exact length. Request checksums are sent only where S3 requires them: the
 * SDK's newer default (a CRC on every request) breaks presigned URLs and several S3-compatible servers.
 */
export const createS3Storage = (options: S3StorageOptions): S3Storage => {
  const { bucket } = options;
  const client = new S3Client({
    region: options.region ?? 'us-east-1',
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const partSize = Math.max(MIN_PART_BYTES, options.partSizeBytes ?? 8 * 1024 * 1024);
  const queueSize = Math.max(1, options.queueSize ?? 4);

  const put = async (key: string, body: Buffer | Readable, putOptions: PutOptions) => {
    assertKey(key);
    const counter = { size: Buffer.isBuffer(body) ? body.length : 0 };
    if (Buffer.isBuffer(body) && putOptions.contentLength !== undefined && putOptions.contentLength !== body.length) {
      throw new Error(`storage put ${key}: ${body.length} bytes given, ${putOptions.contentLength} declared`);
    }
    const upload = new Upload({
      client,
      partSize,
      queueSize,
      params: {
        Bucket: bucket,
        Key: key,
        ContentType: putOptions.contentType,
        Body: Buffer.isBuffer(body) ? body : counted(body, putOptions.contentLength, key, counter),
      },
    });
    const result = await upload.done();
    return { key, size: counter.size, etag: unquote(result.ETag) };
  };

  const head = async (key: string): Promise<ObjectInfo | null> => {
    const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: assertKey(key) })).catch(absentAsNull);
    if (!out) return null;
    return {
      key,
      size: out.ContentLength ?? 0,
      contentType: out.ContentType ?? 'application/octet-stream',
      etag: unquote(out.ETag),
      lastModified: out.LastModified,
    };
  };

  return {
    name: 's3',
    put,
    head,
    async get(key) {
      const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: assertKey(key) })).catch(absentAsNull);
      if (!out) return null;
      if (!(out.Body instanceof Readable)) throw new Error('S3 GetObject: the body is not a Node stream');
      const info = { size: out.ContentLength ?? 0, contentType: out.ContentType ?? 'application/octet-stream', etag: unquote(out.ETag) };
      return { key, body: out.Body, ...info, lastModified: out.LastModified };
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: assertKey(key) }));
    },
    async list(prefix, listOptions) {
      const out = await client.send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: assertPrefix(prefix) || undefined,
          MaxKeys: pageSize(listOptions?.limit),
          StartAfter: listOptions?.cursor,
        }),
      );
      const items = (out.Contents ?? []).flatMap((o): ListItem[] =>
        o.Key ? [{ key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified }] : [],
      );
      const last = items[items.length - 1];
      return out.IsTruncated && last ? { items, cursor: last.key } : { items };
    },
    presignPut: async (key, presign) => presignPut(client, bucket, assertKey(key), presign),
    close: () => client.destroy(),
  };
};

const presignPut = async (client: S3Client, bucket: string, key: string, options: PresignOptions) => {
  if (!Number.isSafeInteger(options.contentLength) || options.contentLength < 0) {
    throw new RangeError(`presignPut: contentLength must be a byte count, got ${options.contentLength}`);
  }
  const expiresIn = Math.max(1, Math.min(MAX_PRESIGN_S, Math.floor(options.expiresInS ?? 300)));
  const command = new PutObjectCommand({
    Bucket: bucket,
    Key: key,
    ContentType: options.contentType,
    ContentLength: options.contentLength,
  });
  const url = await getSignedUrl(client, command, { expiresIn, signableHeaders: new Set(['content-type', 'content-length']) });
  return {
    url,
    method: 'PUT' as const,
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
