import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';
import type { Migration } from '@rustok/kernel';
import { inboxSql } from './migrations-inbox.js';
import { mailSql } from './migrations-mail.js';

const TENANT = `tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL}`;

/**
 * Webhooks. Tenant tables (forced row-level security): endpoints, deliveries (one per event and
 * endpoint, the signed body as sent) and attempts (the delivery log). The queue is the
 * deployment's own, like the outbox: due deliveries across tenants, read by the one delivery run
 * of the deployment; it holds ids and times only, never a tenant's data.
 */
const webhooks = `
CREATE TABLE notifications_webhook_endpoints (
  id uuid PRIMARY KEY,
  ${TENANT},
  url text NOT NULL CHECK (length(url) BETWEEN 8 AND 2000),
  description text CHECK (length(description) <= 500),
  event_types text[] NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 100),
  headers jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(headers) = 'object'),
  active boolean NOT NULL DEFAULT true,
  secret text NOT NULL,
  previous_secret text,
  previous_secret_until timestamptz,
  consecutive_failures integer NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
  disabled_reason text CHECK (disabled_reason IN ('gone', 'failing')),
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_webhook_endpoints_list ON notifications_webhook_endpoints (tenant_id, id);
${tenantRlsSql('notifications_webhook_endpoints')}
CREATE TABLE notifications_webhook_deliveries (
  id uuid PRIMARY KEY,
  ${TENANT},
  endpoint_id uuid NOT NULL REFERENCES notifications_webhook_endpoints (id) ON DELETE CASCADE,
  message_id text NOT NULL,
  event_id uuid,
  event_type text NOT NULL,
  payload text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  last_status integer,
  last_outcome text CHECK (last_outcome IN ('delivered', 'gone', 'failed', 'refused')),
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  UNIQUE (endpoint_id, event_id)
);
CREATE INDEX notifications_webhook_deliveries_list ON notifications_webhook_deliveries (tenant_id, endpoint_id, id DESC);
${tenantRlsSql('notifications_webhook_deliveries')}
CREATE TABLE notifications_webhook_attempts (
  id uuid PRIMARY KEY,
  ${TENANT},
  delivery_id uuid NOT NULL REFERENCES notifications_webhook_deliveries (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  outcome text NOT NULL CHECK (outcome IN ('delivered', 'gone', 'failed', 'refused')),
  status_code integer,
  duration_ms integer NOT NULL,
  request_headers jsonb NOT NULL,
  response_excerpt text,
  error text
);
CREATE INDEX notifications_webhook_attempts_list ON notifications_webhook_attempts (tenant_id, delivery_id, id);
${tenantRlsSql('notifications_webhook_attempts')}
CREATE TABLE notifications_webhook_queue (
  delivery_id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  due_at timestamptz NOT NULL,
  claimed_until timestamptz
);
CREATE INDEX notifications_webhook_queue_due ON notifications_webhook_queue (due_at);`;

/**
 * Every delivery row is written once more after its attempt (status, counts, times: no indexed
 * column), mostly moments after it was inserted. Pages kept half empty let that second version
 * stay on the row's own page, a heap-only update that adds no entry to the table's three indexes.
 */
const deliveryRoomSql = 'ALTER TABLE notifications_webhook_deliveries SET (fillfactor = 50)';

export const notificationsMigrations: readonly Migration[] = [
  { name: 'm20261204_notifications_001_webhooks', up: webhooks },
  { name: 'm20261204_notifications_002_mail', up: mailSql },
  { name: 'm20261204_notifications_003_inbox', up: inboxSql },
  { name: 'm20261205_notifications_004_delivery_room', up: deliveryRoomSql },
];
