-- Outbox pruning: deleting a day of dispatched events in batches (the events.retention job today)
-- against detaching and dropping a day partition. Figures: docs/adr/0012-partitions.md and
-- bench/results/partitions-2026-12-05.json. Run on a scratch database of a PostgreSQL server:
--   createdb part_measure && psql -d part_measure -f bench/partitions/outbox-prune.sql && dropdb part_measure
\timing off
CREATE TABLE ev (
  id uuid PRIMARY KEY, tenant_id uuid NOT NULL, type text NOT NULL, schema_version integer NOT NULL, envelope jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending', attempts integer NOT NULL DEFAULT 0, available_at timestamptz NOT NULL DEFAULT now(),
  claimed_by text, claimed_until timestamptz, last_error text, created_at timestamptz NOT NULL DEFAULT now(), dispatched_at timestamptz);
CREATE INDEX ev_pending ON ev (available_at, id) WHERE status = 'pending';
CREATE INDEX ev_by_tenant ON ev (tenant_id, type, id);
CREATE INDEX ev_dispatched ON ev (dispatched_at) WHERE status = 'dispatched';
CREATE TABLE evp (LIKE ev INCLUDING DEFAULTS) PARTITION BY RANGE (created_at);
ALTER TABLE evp ADD PRIMARY KEY (id, created_at);
CREATE INDEX evp_pending ON evp (available_at, id) WHERE status = 'pending';
CREATE INDEX evp_by_tenant ON evp (tenant_id, type, id);
CREATE INDEX evp_dispatched ON evp (dispatched_at) WHERE status = 'dispatched';
CREATE TABLE evp_d1 PARTITION OF evp FOR VALUES FROM ('2026-01-01') TO ('2026-01-02');
CREATE TABLE evp_d2 PARTITION OF evp FOR VALUES FROM ('2026-01-02') TO ('2026-01-03');
CREATE TEMP TABLE src AS SELECT gen_random_uuid() AS id, ('00000000-0000-0000-0000-' || lpad((g % 1000)::text, 12, '0'))::uuid AS tenant_id,
  'commerce.product.updated' AS type, 1 AS schema_version,
  jsonb_build_object('payload', jsonb_build_object('id', gen_random_uuid(), 'title', repeat('x', 200), 'version', g)) AS envelope,
  'dispatched' AS status, timestamptz '2026-01-01' + (g * interval '864 millisecond') AS created_at
  FROM generate_series(0, 199999) g;
INSERT INTO ev (id, tenant_id, type, schema_version, envelope, status, created_at, dispatched_at) SELECT id, tenant_id, type, schema_version, envelope, status, created_at, created_at FROM src;
INSERT INTO evp (id, tenant_id, type, schema_version, envelope, status, created_at, dispatched_at) SELECT id, tenant_id, type, schema_version, envelope, status, created_at, created_at FROM src;
CHECKPOINT;
SELECT pg_size_pretty(pg_total_relation_size('ev')) AS ev_size;
CREATE PROCEDURE prune() LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
  LOOP
    WITH gone AS (DELETE FROM ev WHERE id IN (SELECT id FROM ev WHERE status = 'dispatched' AND dispatched_at < '2026-01-02' LIMIT 5000) RETURNING 1)
    SELECT count(*) INTO n FROM gone;
    COMMIT;
    EXIT WHEN n = 0;
  END LOOP;
END $$;
SELECT pg_current_wal_lsn() AS l0, clock_timestamp() AS t0 \gset
CALL prune();
SELECT pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), :'l0')) AS delete_wal, round(extract(epoch FROM clock_timestamp() - :'t0') * 1000) AS delete_ms,
  (SELECT count(*) FROM ev) AS left_rows, pg_size_pretty(pg_total_relation_size('ev')) AS ev_size_after;
SELECT pg_current_wal_lsn() AS l1, clock_timestamp() AS t1 \gset
ALTER TABLE evp DETACH PARTITION evp_d1;
DROP TABLE evp_d1;
SELECT pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), :'l1')) AS drop_wal, round(extract(epoch FROM clock_timestamp() - :'t1') * 1000) AS drop_ms,
  (SELECT count(*) FROM evp) AS left_rows, pg_size_pretty(pg_total_relation_size('evp_d2')) AS evp_size_after;
SELECT pg_current_wal_lsn() AS l2, clock_timestamp() AS t2 \gset
VACUUM ev;
SELECT pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), :'l2')) AS vacuum_wal, round(extract(epoch FROM clock_timestamp() - :'t2') * 1000) AS vacuum_ms;
