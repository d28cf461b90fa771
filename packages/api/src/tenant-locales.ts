import { preparedSql } from '@rustok/db';
import { type SqlRunner, type TenantLocales, tenantLocalesOf } from '@rustok/kernel';

const SETTINGS_SQL = preparedSql(
  'tenant_locales',
  "SELECT settings FROM tenants WHERE id = nullif(current_setting('app.tenant_id', true), '')::uuid",
);

const parse = (value: unknown): Record<string, unknown> | undefined => {
  const settings = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return settings !== null && typeof settings === 'object' ? (settings as Record<string, unknown>) : undefined;
};

/**
 * The locales of the tenant of a tenant transaction (handlers, use-cases, seeds): the one set every
 * module reads, from the tenant's settings (`tenants.settings`), the deployment's default where the
 * tenant names none. Read in the caller's transaction, so a use-case sees the locales it commits with.
 */
export const tenantLocales = async (tx: SqlRunner): Promise<TenantLocales> => {
  const { rows } = await tx.query<{ settings: unknown }>(SETTINGS_SQL);
  return tenantLocalesOf(parse(rows[0]?.settings));
};
