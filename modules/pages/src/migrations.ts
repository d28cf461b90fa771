import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';
import type { Migration } from '@rustok/kernel';

const TENANT = `tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL}`;

/**
 * Tables of the pages module (tenant-owned, forced row-level security). Pages themselves are
 * content nodes; `page_id` has no foreign key to content's table (migrations run in name order and
 * content's come later), so deleting a page removes its blocks in the same transaction instead.
 */
export const pagesMigrations: readonly Migration[] = [
  {
    name: 'm20261120_pages_001_tables',
    up: `
CREATE TABLE pages_blocks (
  id uuid PRIMARY KEY,
  ${TENANT},
  page_id uuid NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  type text NOT NULL CHECK (type ~ '^[a-z][a-z0-9_]{0,31}$'),
  data jsonb NOT NULL,
  UNIQUE (tenant_id, page_id, position)
);
CREATE TABLE pages_menus (
  id uuid PRIMARY KEY,
  ${TENANT},
  handle text NOT NULL CHECK (handle ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(handle) <= 100),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, handle)
);
CREATE TABLE pages_menu_items (
  id uuid PRIMARY KEY,
  ${TENANT},
  menu_id uuid NOT NULL,
  parent_id uuid,
  position integer NOT NULL CHECK (position >= 0),
  label jsonb NOT NULL,
  link jsonb NOT NULL,
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, menu_id) REFERENCES pages_menus (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, parent_id) REFERENCES pages_menu_items (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX pages_menu_items_menu ON pages_menu_items (tenant_id, menu_id, position);
${tenantRlsSql('pages_blocks')}
${tenantRlsSql('pages_menus')}
${tenantRlsSql('pages_menu_items')}`,
  },
];
