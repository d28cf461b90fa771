import { preparedSql } from '@rustok/db';
import { type SqlRunner, type TenantLocales, tenantLocalesOf } from '@rustok/kernel';

/** The settings of the tenant of the current tenant transaction, as a scalar subquery other statements can embed. */
export const TENANT_SETTINGS_SUBQUERY =
  "(SELECT settings FROM tenants WHERE id = nullif(current_setting('app.tenant_id', true), '')::uuid)";

const SETTINGS_SQL = preparedSql('tenant_locales', `SELECT ${TENANT_SETTINGS_SUBQUERY} AS settings`);

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
  return tenantLocalesFrom(rows[0]?.settings);
};

/** The locales in a tenant's settings as read by a statement that embeds TENANT_SETTINGS_SUBQUERY. */
export const tenantLocalesFrom = (settings: unknown): TenantLocales => tenantLocalesOf(parse(settings));
