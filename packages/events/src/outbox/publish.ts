import type { EventEnvelope, SqlRunner } from '@rustok/kernel';

export const OUTBOX_CHANNEL = 'rustok_events';

/**
 * Inserts events into the outbox inside the caller's transaction and notifies relays, in one
 * round trip. The NOTIFY is delivered only if the transaction commits, like the rows.
 */
export const insertIntoOutbox = async (tx: SqlRunner, envelopes: readonly EventEnvelope[]): Promise<void> => {
  if (envelopes.length === 0) return;
  await tx.query(
    `WITH inserted AS (
       INSERT INTO sys_events (id, tenant_id, type, schema_version, envelope)
       SELECT e.id, e.tenant_id, e.type, e.schema_version, e.envelope
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::jsonb[]) AS e(id, tenant_id, type, schema_version, envelope)
       RETURNING 1
     )
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM (SELECT count(*) FROM inserted) AS done`,
    [
      envelopes.map((e) => e.id),
      envelopes.map((e) => e.tenantId),
      envelopes.map((e) => e.type),
      envelopes.map((e) => e.schemaVersion),
      envelopes.map((e) => JSON.stringify(e)),
    ],
  );
};
