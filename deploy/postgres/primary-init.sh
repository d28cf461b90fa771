#!/usr/bin/env bash
# Runs once, when the primary's data directory is initialised (/docker-entrypoint-initdb.d):
# a role for streaming replication, a physical slot for the replica (the primary keeps the WAL the
# replica has not received yet, up to max_slot_wal_keep_size) and the pg_hba line that lets it in.
set -euo pipefail
: "${POSTGRES_REPLICATION_PASSWORD:?POSTGRES_REPLICATION_PASSWORD must be set}"

psql -v ON_ERROR_STOP=1 -v password="$POSTGRES_REPLICATION_PASSWORD" \
  --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SELECT pg_create_physical_replication_slot('replica_1');
SQL

echo "host replication replicator all scram-sha-256" >> "$PGDATA/pg_hba.conf"
