import type { StoragePort } from './port.js';

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
