/** The tenant of the current transaction, as RLS policies read it (NULL outside a tenant transaction). */
export const CURRENT_TENANT_SQL = "nullif(current_setting('app.tenant_id', true), '')::uuid";

/**
 * SQL for a migration: row-level security on a tenant-owned table (it must have `tenant_id uuid`).
 * Forced, so even the table owner is filtered; rows are visible and writable only inside a
 * transaction opened for their tenant (`db.transaction(fn, { tenantId })`).
 */
export const tenantRlsSql = (table: string): string => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(table)) throw new Error(`Invalid table name "${table}"`);
  return `
ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS tenant_isolation ON ${table};
CREATE POLICY tenant_isolation ON ${table}
  USING (tenant_id = ${CURRENT_TENANT_SQL})
  WITH CHECK (tenant_id = ${CURRENT_TENANT_SQL});`;
};
