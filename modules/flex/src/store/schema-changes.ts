import type { Tx } from '@rustok/db';
import { generateId } from '@rustok/kernel';

/**
 * The SQL of flex_schema_changes: one row per schema change (a creation, a new version, a deletion, an
 * import), counted over the last minute for the change-rate guardrail.
 */

const WINDOW = "interval '60 seconds'";

/** Serialises a tenant's schema changes, so that counts (changes, schemas) hold until the transaction ends. */
export const lockSchemaChanges = async (tx: Tx, tenantId: string): Promise<void> => {
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('flex_schema_changes:' || $1::text, 0))", [tenantId]);
};

/** The tenant's changes of the last 60 seconds, and the seconds until the oldest of them leaves the window. */
export const recentChanges = async (tx: Tx): Promise<{ count: number; retryAfterSeconds: number }> => {
  const { rows } = await tx.query<{ n: number; wait: number | string | null }>(
    `SELECT count(*)::int AS n, extract(epoch FROM min(at) + ${WINDOW} - clock_timestamp())::float8 AS wait
     FROM flex_schema_changes WHERE at > clock_timestamp() - ${WINDOW}`,
  );
  const row = rows[0];
  return { count: row?.n ?? 0, retryAfterSeconds: Math.max(1, Math.ceil(Number(row?.wait ?? 1))) };
};

/** Records one change, and forgets the tenant's changes older than the window (they no longer count). */
export const recordChange = async (tx: Tx): Promise<void> => {
  await tx.query(`DELETE FROM flex_schema_changes WHERE at < clock_timestamp() - ${WINDOW}`);
  await tx.query('INSERT INTO flex_schema_changes (id, at) VALUES ($1, clock_timestamp())', [generateId()]);
};
