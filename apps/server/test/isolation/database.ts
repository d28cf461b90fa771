import type { Database } from '@rustok/db';

/** B's data as the database holds it, and the tables row-level security must cover. */

/**
 * Tables with a `tenant_id` that are the deployment's own (read across tenants, or before a tenant is
 * known): no RLS. The webhook queue holds ids and due times only, like the outbox.
 */
export const PLATFORM_TABLES_WITHOUT_RLS = [
  'sys_events',
  'sys_event_receipts',
  'sys_events_dlq',
  'tenant_domains',
  'notifications_webhook_queue',
  'notifications_mail_queue',
  'scripting_queue',
  'scripting_cron',
];

/** Tables holding a `tenant_id` (pg_attribute, so a table the application role cannot read is counted too). */
export const tenantTables = async (db: Database): Promise<{ table: string; rls: boolean; forced: boolean }[]> => {
  const { rows } = await db.query<{ table: string; rls: boolean; forced: boolean }>(
    `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE a.attname = 'tenant_id' AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND n.nspname = 'public'
      ORDER BY c.relname`,
  );
  return rows;
};

/** Everything of a tenant: every row of every tenant table as its tenant sees it, its tenant record, the ids of its events. */
export const snapshotOf = async (db: Database, tenantId: string): Promise<Record<string, string[]>> => {
  const tables = await tenantTables(db);
  const out: Record<string, string[]> = {};
  const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
  await db.transaction(
    async (tx) => {
      for (const { table, rls } of tables) {
        // Events move on by themselves (relay, consumers); only which events the tenant has must not change.
        if (table === 'sys_event_receipts') continue;
        const columns = table.startsWith('sys_events') ? 'tenant_id, id' : '*';
        const { rows } = await tx.query(`SELECT ${columns} FROM ${table}${rls ? '' : ' WHERE tenant_id = $1'}`, rls ? [] : [tenantId]);
        out[table] = sorted(rows);
      }
      out.tenants = sorted((await tx.query('SELECT * FROM tenants WHERE id = $1', [tenantId])).rows);
    },
    { tenantId },
  );
  return out;
};
