import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';
import type { Migration } from '@rustok/kernel';

const TENANT = `tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL}`;

/**
 * Assets (a stored, checked file and its variants) and pending direct uploads (a presigned PUT
 * handed out, not yet completed). Both tenant tables with forced row-level security. `key` is the
 * original's storage key, always `<tenant_id>/<id>/original.<ext>`; `variants` lists the stored
 * sizes `[{ name, key, width, height, size, contentType }]`.
 */
const assets = `
CREATE TABLE media_assets (
  id uuid PRIMARY KEY,
  ${TENANT},
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 512),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type text NOT NULL CHECK (length(content_type) BETWEEN 3 AND 100),
  size bigint NOT NULL CHECK (size > 0),
  width integer CHECK (width > 0),
  height integer CHECK (height > 0),
  alt text CHECK (length(alt) <= 1000),
  variants jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(variants) = 'array'),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, key)
);
CREATE INDEX media_assets_list ON media_assets (tenant_id, id);
${tenantRlsSql('media_assets')}
CREATE TABLE media_uploads (
  id uuid PRIMARY KEY,
  ${TENANT},
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 512),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  declared_type text NOT NULL CHECK (length(declared_type) BETWEEN 3 AND 100),
  size bigint NOT NULL CHECK (size > 0),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
${tenantRlsSql('media_uploads')}`;

export const mediaMigrations: readonly Migration[] = [{ name: 'm20261204_media_001_assets', up: assets }];
