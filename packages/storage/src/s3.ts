import type { Readable } from 'node:stream';
import type { PutOptions, StoragePort } from './port.js';
import type { S3Storage, S3StorageOptions } from './s3-types.js';

export type { S3Storage, S3StorageOptions } from './s3-types.js';

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
