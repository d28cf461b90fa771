import { firstIdAt, type Migration, type SqlRunner } from '@rustok/kernel';

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
  {
    // docs/adr/0012-partitions.md: retention drops whole periods instead of deleting rows one by one.
    name: 'm20270201_events_003_partitions',
    up: (owner: SqlRunner) => owner.exec(partitionOutboxSql(firstIdAt(Date.now()))),
  },
];

/**
 * Turns the outbox and its receipts into tables partitioned by range on the event id. Each existing
 * table becomes the partition of every id below `boundary` (the migration's time), so no row is
 * copied; rows with a later id (none, unless a clock ran ahead) move to the default partition, which
 * takes any id no partition covers. The job `events.partitions` makes the current period's partition
 * from a second later (the rows in between stay in the default partition) and the next periods';
 * retention drops whole partitions once every row in them has expired.
 */
export const partitionOutboxSql = (boundary: string): string => `
ALTER TABLE sys_events RENAME TO sys_events_legacy;
ALTER INDEX sys_events_pkey RENAME TO sys_events_legacy_pkey;
ALTER INDEX sys_events_pending RENAME TO sys_events_legacy_pending;
ALTER INDEX sys_events_by_tenant RENAME TO sys_events_legacy_by_tenant;
ALTER INDEX sys_events_dispatched RENAME TO sys_events_legacy_dispatched;
CREATE TABLE sys_events (LIKE sys_events_legacy INCLUDING DEFAULTS INCLUDING CONSTRAINTS, PRIMARY KEY (id))
  PARTITION BY RANGE (id);
CREATE INDEX sys_events_pending ON sys_events (available_at, id) WHERE status = 'pending';
CREATE INDEX sys_events_by_tenant ON sys_events (tenant_id, type, id);
CREATE INDEX sys_events_dispatched ON sys_events (dispatched_at) WHERE status = 'dispatched';
-- Retention asks whether a period still holds a dead event before dropping it.
CREATE INDEX sys_events_dead ON sys_events (id) WHERE status = 'dead';
CREATE TABLE sys_events_default PARTITION OF sys_events DEFAULT;
INSERT INTO sys_events_default SELECT * FROM sys_events_legacy WHERE id >= '${boundary}';
DELETE FROM sys_events_legacy WHERE id >= '${boundary}';
ALTER TABLE sys_events ATTACH PARTITION sys_events_legacy FOR VALUES FROM (MINVALUE) TO ('${boundary}');

ALTER TABLE sys_event_receipts RENAME TO sys_event_receipts_legacy;
ALTER INDEX sys_event_receipts_pkey RENAME TO sys_event_receipts_legacy_pkey;
ALTER INDEX sys_event_receipts_processed RENAME TO sys_event_receipts_legacy_processed;
CREATE TABLE sys_event_receipts (LIKE sys_event_receipts_legacy INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
  PRIMARY KEY (consumer, event_id)) PARTITION BY RANGE (event_id);
CREATE INDEX sys_event_receipts_processed ON sys_event_receipts (processed_at);
CREATE TABLE sys_event_receipts_default PARTITION OF sys_event_receipts DEFAULT;
INSERT INTO sys_event_receipts_default SELECT * FROM sys_event_receipts_legacy WHERE event_id >= '${boundary}';
DELETE FROM sys_event_receipts_legacy WHERE event_id >= '${boundary}';
ALTER TABLE sys_event_receipts ATTACH PARTITION sys_event_receipts_legacy FOR VALUES FROM (MINVALUE) TO ('${boundary}');`;
