import type { Migration } from '@rustok/kernel';

/**
 * Platform tables of the event system. They are read and written only by the event system itself
 * (never by module queries): the relay works across tenants, handlers run in tenant transactions.
 */
export const outboxMigrations: readonly Migration[] = [
  {
    name: 'm20261121_events_001_outbox',
    up: `
CREATE TABLE sys_events (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  type text NOT NULL,
  schema_version integer NOT NULL,
  envelope jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'dispatched', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  available_at timestamptz NOT NULL DEFAULT now(),
  claimed_by text,
  claimed_until timestamptz,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  dispatched_at timestamptz
);
CREATE INDEX sys_events_pending ON sys_events (available_at, id) WHERE status = 'pending';
CREATE INDEX sys_events_by_tenant ON sys_events (tenant_id, type, id);
CREATE INDEX sys_events_dispatched ON sys_events (dispatched_at) WHERE status = 'dispatched';

CREATE TABLE sys_event_receipts (
  consumer text NOT NULL,
  event_id uuid NOT NULL,
  tenant_id uuid NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);

CREATE TABLE sys_events_dlq (
  id uuid PRIMARY KEY,
  tenant_id uuid NOT NULL,
  type text NOT NULL,
  envelope jsonb NOT NULL,
  attempts integer NOT NULL,
  last_error text NOT NULL,
  failed_consumers text[] NOT NULL DEFAULT '{}',
  dead_at timestamptz NOT NULL DEFAULT now(),
  replayed_at timestamptz
);
CREATE INDEX sys_events_dlq_open ON sys_events_dlq (dead_at, id) WHERE replayed_at IS NULL;`,
  },
  {
    // Retention deletes receipts by age; without this it would read the whole table each time.
    name: 'm20270108_events_002_receipts_age',
    up: 'CREATE INDEX sys_event_receipts_processed ON sys_event_receipts (processed_at);',
  },
];
