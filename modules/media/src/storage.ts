import { isAbsolute, join, resolve } from 'node:path';
import { type Config, findProjectRoot } from '@rustok/kernel';
import { createLocalStorage, createS3Storage, type StoragePort } from '@rustok/storage';
import { type MediaOptions, mediaOptions } from './options.js';

/** The storage of a deployment: one driver per configuration, made on first use, closed with the server. */
export interface MediaStorage {
  readonly port: StoragePort;
  close(): void;
}

const made = new WeakMap<Config, MediaStorage>();

/** `<database.data_dir>/media`, or the configured folder; relative paths are read from the project root. */
const localRoot = (config: Config, options: MediaOptions): string => {
  const root = findProjectRoot();
  if (options.local.root !== '') return isAbsolute(options.local.root) ? options.local.root : resolve(root, options.local.root);
  return join(resolve(root, config.database.data_dir), 'media');
};

const open = (config: Config): MediaStorage => {
  const options = mediaOptions(config);
  if (options.driver === 'local') return { port: createLocalStorage({ root: localRoot(config, options) }), close: () => {} };
  const { s3 } = options;
  const storage = createS3Storage({
    bucket: s3.bucket,
    region: s3.region,
    endpoint: s3.endpoint === '' ? undefined : s3.endpoint,
    forcePathStyle: s3.force_path_style,
    credentials: s3.access_key_id === '' ? undefined : { accessKeyId: s3.access_key_id, secretAccessKey: s3.secret_access_key },
  });
  return { port: storage, close: () => storage.close() };
};

export const mediaStorageOf = (config: Config): MediaStorage => {
  let storage = made.get(config);
  if (!storage) {
    storage = open(config);
    made.set(config, storage);
  }
  return storage;
};

/** Closes the driver of a configuration if one was made (the server's close). */
export const closeMediaStorage = (config: Config): void => {
  made.get(config)?.close();
  made.delete(config);
};

/**
 * Storage keys. Always `<tenantId>/<assetId>/...`, made from ids the server generated and the
 * extension of the sniffed type: nothing of a client's file name or input ever reaches a key.
 */
export const assetPrefix = (tenantId: string, assetId: string): string => `${tenantId}/${assetId}/`;
/** The original as uploaded (its type is the sniffed one in the asset's row, whatever the store recorded). */
export const originalKey = (tenantId: string, assetId: string): string => `${assetPrefix(tenantId, assetId)}original`;
export const variantKey = (tenantId: string, assetId: string, name: string): string => `${assetPrefix(tenantId, assetId)}${name}.webp`;
