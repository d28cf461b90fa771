import type { Readable } from 'node:stream';
import type { PutOptions, StoragePort } from './port.js';

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

type Driver = typeof import('./s3-driver.js');

/**
 * Objects in one S3 bucket (see `s3-driver.ts`). The AWS SDK loads on the first call, not at start: a
 * deployment on the local driver never carries it. Keys are checked by the driver, so a bad key is
 * refused by the call's promise as before.
 */
export const createS3Storage = (options: S3StorageOptions): S3Storage => {
  let opened: S3Storage | undefined;
  let loading: Promise<S3Storage> | undefined;
  let closed = false;
  const driver = (): Promise<S3Storage> => {
    loading ??= import('./s3-driver.js').then((m: Driver) => {
      opened = m.openS3Storage(options);
      if (closed) opened.close(); // closed while the SDK loaded: its calls fail like a closed client's
      return opened;
    });
    return loading;
  };
  return {
    name: 's3',
    put: async (key: string, body: Buffer | Readable, putOptions: PutOptions) => (await driver()).put(key, body, putOptions),
    get: async (key) => (await driver()).get(key),
    head: async (key) => (await driver()).head(key),
    delete: async (key) => (await driver()).delete(key),
    list: async (prefix, listOptions) => (await driver()).list(prefix, listOptions),
    presignPut: async (key, presign) => (await driver()).presignPut(key, presign),
    close: () => {
      closed = true;
      opened?.close();
    },
  } satisfies StoragePort & { close(): void };
};
