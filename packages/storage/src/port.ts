import type { Readable } from 'node:stream';

/**
 * The storage port: a flat namespace of objects under keys (see `key.ts`: keys are expected as
 * `<tenantId>/...`, the tenant prefix being the caller's business). Drivers: `createLocalStorage` (files under a
 * directory) and `createS3Storage` (an S3 bucket). An absent object is `null`, never a throw; a malformed key
 * throws `InvalidKey` (keys are built by code); anything else that throws is unexpected (disk, network).
 */
export interface StoragePort {
  /** `local` or `s3`: for logs and for callers choosing between a presigned upload and an upload through the server. */
  readonly name: string;
  /** Stores a body under a key, replacing any object there. Readers never see a half-written object. */
  put(key: string, body: Buffer | Readable, options: PutOptions): Promise<PutResult>;
  get(key: string): Promise<StoredObject | null>;
  head(key: string): Promise<ObjectInfo | null>;
  /** Removes an object; removing an absent one is not an error. */
  delete(key: string): Promise<void>;
  /** Keys starting with `prefix`, in byte order, a page at a time; `cursor` is the last key of the previous page. */
  list(prefix: string, options?: ListOptions): Promise<ListPage>;
  /** A URL a browser can PUT the file to directly, or null when the driver cannot give one (local disk). */
  presignPut(key: string, options: PresignOptions): Promise<PresignedPut | null>;
}

export interface PutOptions {
  contentType: string;
  /** When given, a body of another length is refused (the put throws and stores nothing). */
  contentLength?: number;
}

export interface PutResult {
  key: string;
  size: number;
  /** An opaque version tag (the MD5 of the bytes for a local or single-part S3 object); quotes removed. */
  etag?: string;
}

export interface ObjectInfo {
  key: string;
  size: number;
  contentType: string;
  etag?: string;
  lastModified?: Date;
}

export interface StoredObject extends ObjectInfo {
  body: Readable;
}

export interface ListOptions {
  /** At most this many items (default and ceiling 1000). */
  limit?: number;
  /** The `cursor` of the previous page. */
  cursor?: string;
}

export interface ListItem {
  key: string;
  size: number;
  lastModified?: Date;
}

export interface ListPage {
  items: ListItem[];
  /** Present when more keys follow: pass it as `cursor` for the next page. */
  cursor?: string;
}

export interface PresignOptions {
  contentType: string;
  /**
   * The exact size of the file the browser will send, signed into the URL so that the store refuses any other
   * body. A PUT URL can pin a length, not a range: the caller compares this to its own size limit before asking.
   */
  contentLength: number;
  /** How long the URL stays valid (default 300 s). */
  expiresInS?: number;
}

export interface PresignedPut {
  url: string;
  method: 'PUT';
  /** Headers the browser must send as they are (they are part of the signature). */
  headers: Record<string, string>;
  expiresAt: Date;
}

export const DEFAULT_LIST_LIMIT = 1000;

/** The page size a driver uses for a requested `limit`: 1..1000. */
export const pageSize = (limit: number | undefined): number =>
  Math.max(1, Math.min(DEFAULT_LIST_LIMIT, Math.floor(limit ?? DEFAULT_LIST_LIMIT)));
