import { type Config, moduleOptions } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';

const MiB = 1_048_576;
const Text = (maxLength = 500) => Type.String({ maxLength, default: '' });

/** The types an upload may really be (judged by its bytes) unless the deployment lists others. */
export const DEFAULT_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif', 'application/pdf'];

const VariantSpec = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,31}$' }),
    width: Type.Integer({ minimum: 16, maximum: 8_000 }),
    height: Type.Optional(Type.Integer({ minimum: 16, maximum: 8_000 })),
  },
  { additionalProperties: false },
);

/**
 * The media settings of the deployment: `settings.rustok.media` in the config files
 * (RUSTOK_SETTINGS__RUSTOK__MEDIA__<KEY>), validated with the rest of the config.
 */
export const MediaOptionsSchema = Type.Object({
  media: Type.Object(
    {
      /** Where the files go: `local` (a folder of the server) or `s3` (a bucket of S3 or an S3-compatible server). */
      driver: Type.Union([Type.Literal('local'), Type.Literal('s3')], { default: 'local' }),
      local: Type.Object(
        {
          /** The folder of the files; empty: `<database.data_dir>/media` (relative paths are read from the project root). */
          root: Text(1_000),
        },
        { additionalProperties: false, default: {} },
      ),
      s3: Type.Object(
        {
          /** Empty for AWS itself; the URL of an S3-compatible server (MinIO, R2, Ceph) otherwise. */
          endpoint: Text(1_000),
          region: Type.String({ maxLength: 64, default: 'us-east-1' }),
          bucket: Type.String({ maxLength: 63, default: '' }),
          access_key_id: Text(),
          secret_access_key: Text(),
          /** Bucket in the path rather than the host name (most S3-compatible servers want it). */
          force_path_style: Type.Boolean({ default: false }),
          /** How long a presigned upload URL stays valid, in seconds. */
          presign_expires_s: Type.Integer({ minimum: 30, maximum: 3_600, default: 300 }),
        },
        { additionalProperties: false, default: {} },
      ),
      /** The largest file accepted, in bytes. */
      max_upload_bytes: Type.Integer({ minimum: 1_024, maximum: 1_024 * MiB, default: 20 * MiB }),
      /** The types a file may really be (sniffed from its bytes, whatever its name or declared type says). */
      allowed_types: Type.Array(Type.String({ pattern: '^[a-z]+/[a-z0-9.+-]+$', maxLength: 100 }), {
        minItems: 1,
        maxItems: 50,
        default: DEFAULT_MEDIA_TYPES,
      }),
      /** The WebP sizes made of every image, each fitted inside its box and never enlarged. */
      variants: Type.Array(VariantSpec, {
        maxItems: 10,
        default: [
          { name: 'thumb', width: 160 },
          { name: 'small', width: 480 },
          { name: 'medium', width: 960 },
          { name: 'large', width: 1_600 },
        ],
      }),
      /** Images with more pixels than this are refused before decoding. */
      max_image_pixels: Type.Integer({ minimum: 1_000, maximum: 500_000_000, default: 40_000_000 }),
    },
    { additionalProperties: false, default: {} },
  ),
});
export type MediaOptions = Static<typeof MediaOptionsSchema>['media'];

/** The media settings of this deployment's configuration. */
export const mediaOptions = (config: Config): MediaOptions => moduleOptions(config, MediaOptionsSchema).media;
