#!/usr/bin/env bash
# Streaming replica of the primary: on first start (empty data directory) it clones the primary with
# pg_basebackup (writing standby.signal and primary_conninfo), then runs PostgreSQL as a hot standby.
# Later starts find the data directory and resume streaming from where they were.
set -euo pipefail
: "${PRIMARY_HOST:?PRIMARY_HOST must be set}"
: "${PGPASSWORD:?PGPASSWORD (the replication password) must be set}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 0700 "$PGDATA"
  until gosu postgres pg_basebackup --host="$PRIMARY_HOST" --port="${PRIMARY_PORT:-5432}" --username=replicator \
    --pgdata="$PGDATA" --wal-method=stream --write-recovery-conf --slot=replica_1 --checkpoint=fast --no-password; do
    echo "replica: waiting for the primary at $PRIMARY_HOST" >&2
    rm -rf "${PGDATA:?}"/*
    sleep 2
  done
fi

exec docker-entrypoint.sh postgres -c hot_standby=on "$@"
