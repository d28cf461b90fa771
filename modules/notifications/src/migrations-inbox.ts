import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';

const TENANT = `tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL}`;

/**
 * In-app notifications. Tenant tables: each user's inbox (one row per notice and recipient; a notice
 * made from an event is unique per event and recipient, so a replayed event adds nothing), and the
 * tenant's choice of which kinds notify whom (absent: every kind on, to its default recipients).
 */
export const inboxSql = `
CREATE TABLE notifications_inbox (
  id uuid PRIMARY KEY,
  ${TENANT},
  user_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$' AND length(kind) <= 100),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  body text CHECK (length(body) <= 5000),
  link text CHECK (link ~ '^/' AND length(link) <= 2000),
  data jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
  source_event_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  UNIQUE (tenant_id, source_event_id, user_id)
);
CREATE INDEX notifications_inbox_list ON notifications_inbox (tenant_id, user_id, id DESC);
CREATE INDEX notifications_inbox_unread ON notifications_inbox (tenant_id, user_id, id DESC) WHERE read_at IS NULL;
${tenantRlsSql('notifications_inbox')}
CREATE TABLE notifications_inbox_settings (
  ${TENANT} PRIMARY KEY,
  kinds jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(kinds) = 'object'),
  updated_at timestamptz NOT NULL DEFAULT now()
);
${tenantRlsSql('notifications_inbox_settings')}`;
