import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';
import type { Migration } from '@rustok/kernel';

const TENANT = `tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL}`;

/**
 * Tables of the content module. Every one is tenant-owned with forced row-level security; foreign
 * keys carry the tenant (`(tenant_id, x_id)`), so a row can never point at another tenant's row.
 */
export const contentMigrations: readonly Migration[] = [
  {
    name: 'm20261201_content_001_tables',
    up: `
CREATE TABLE content_categories (
  id uuid PRIMARY KEY,
  ${TENANT},
  parent_id uuid,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 200),
  depth integer NOT NULL DEFAULT 0 CHECK (depth BETWEEN 0 AND 16),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, slug),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES content_categories (tenant_id, id)
);
CREATE TABLE content_tags (
  id uuid PRIMARY KEY,
  ${TENANT},
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  UNIQUE (tenant_id, slug)
);
CREATE TABLE content_nodes (
  id uuid PRIMARY KEY,
  ${TENANT},
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,31}$'),
  parent_id uuid,
  author_id uuid,
  category_id uuid,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'published', 'archived')),
  position integer NOT NULL DEFAULT 0,
  depth integer NOT NULL DEFAULT 0 CHECK (depth BETWEEN 0 AND 64),
  reply_count integer NOT NULL DEFAULT 0 CHECK (reply_count >= 0),
  metadata jsonb NOT NULL DEFAULT '{}',
  publish_at timestamptz,
  published_at timestamptz,
  revision integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES content_nodes (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, category_id) REFERENCES content_categories (tenant_id, id),
  CHECK (status <> 'scheduled' OR publish_at IS NOT NULL)
);
CREATE INDEX content_nodes_list ON content_nodes (tenant_id, kind, status, id);
CREATE INDEX content_nodes_due ON content_nodes (publish_at) WHERE status = 'scheduled';
CREATE INDEX content_nodes_parent ON content_nodes (tenant_id, parent_id);
CREATE TABLE content_translations (
  ${TENANT},
  node_id uuid NOT NULL,
  locale text NOT NULL CHECK (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  kind text NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 200),
  excerpt text CHECK (length(excerpt) <= 2000),
  body text NOT NULL DEFAULT '',
  body_format text NOT NULL DEFAULT 'markdown' CHECK (body_format IN ('markdown', 'html')),
  body_html text NOT NULL DEFAULT '',
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, node_id, locale),
  UNIQUE (tenant_id, kind, locale, slug),
  FOREIGN KEY (tenant_id, node_id) REFERENCES content_nodes (tenant_id, id) ON DELETE CASCADE
);
CREATE TABLE content_node_tags (
  ${TENANT},
  node_id uuid NOT NULL,
  tag_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, node_id, tag_id),
  FOREIGN KEY (tenant_id, node_id) REFERENCES content_nodes (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, tag_id) REFERENCES content_tags (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX content_node_tags_tag ON content_node_tags (tenant_id, tag_id);
CREATE TABLE content_revisions (
  id uuid PRIMARY KEY,
  ${TENANT},
  node_id uuid NOT NULL,
  number integer NOT NULL,
  action text NOT NULL,
  author_id uuid,
  snapshot jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, node_id, number),
  FOREIGN KEY (tenant_id, node_id) REFERENCES content_nodes (tenant_id, id) ON DELETE CASCADE
);
${tenantRlsSql('content_categories')}
${tenantRlsSql('content_tags')}
${tenantRlsSql('content_nodes')}
${tenantRlsSql('content_translations')}
${tenantRlsSql('content_node_tags')}
${tenantRlsSql('content_revisions')}`,
  },
];
