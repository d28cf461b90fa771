import { preparedSql } from '@rustok/db';
import type { EventEnvelope, SqlRunner } from '@rustok/kernel';

export const OUTBOX_CHANNEL = 'rustok_events';

/** Planned once per connection (PostgreSQL): every write of every module goes through it. */
const INSERT_SQL = preparedSql(
  'outbox_insert',
  `INSERT INTO sys_events (id, tenant_id, type, schema_version, envelope)
   SELECT e.id, e.tenant_id, e.type, e.schema_version, e.envelope
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::jsonb[]) AS e(id, tenant_id, type, schema_version, envelope)`,
);

/**
 * Inserts events into the outbox inside the caller's transaction, in one round trip. Relays are
 * woken after the commit (`createWakeNotifier`), not by a NOTIFY inside it: PostgreSQL serializes
 * the commits of every transaction that sent a NOTIFY, which would make all writers of all tenants
 * commit one by one.
 */
export const insertIntoOutbox = async (tx: SqlRunner, envelopes: readonly EventEnvelope[]): Promise<void> => {
  if (envelopes.length === 0) return;
  await tx.query(INSERT_SQL, [
    envelopes.map((e) => e.id),
    envelopes.map((e) => e.tenantId),
    envelopes.map((e) => e.type),
    envelopes.map((e) => e.schemaVersion),
    envelopes.map((e) => JSON.stringify(e)),
  ]);
};

/**
 * Wakes the relays of other processes after a commit: one NOTIFY at a time on the pool, and one
 * more if commits came while it was on its way, so a burst of commits costs two NOTIFYs, not one
 * each. Fire and forget: a lost wake-up (a crash right after the commit) is caught by the relays'
 * polling.
 */
export const createWakeNotifier = (db: { query(sql: string): Promise<unknown> }): (() => void) => {
  let inFlight = false;
  let again = false;
  const send = (): void => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    db.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`)
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        if (again) {
          again = false;
          send();
        }
      });
  };
  return send;
};
