import type { SqlRunner, TenantRef } from '@rustok/kernel';
import type { ParsedIdentifier } from './identifiers.js';

/**
 * Lookups on the platform registry (`tenants`, `tenant_domains`). These tables carry no
 * row-level security: they are read before any tenant is known, outside a tenant transaction.
 */
type Db = Pick<SqlRunner, 'query'>;

interface TenantRow extends Record<string, unknown> {
  id: string;
  slug: string;
  name: string;
  is_active: boolean;
  settings: Record<string, unknown> | string | null;
}

const COLUMNS = 't.id, t.slug, t.name, t.is_active, t.settings';

const parseSettings = (value: TenantRow['settings']): Record<string, unknown> => {
  if (value === null) return {};
  return typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : value;
};

const toTenantRef = (row: TenantRow): TenantRef => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  isActive: row.is_active,
  settings: parseSettings(row.settings),
});

const first = async (db: Db, sql: string, param: string): Promise<TenantRef | undefined> => {
  const { rows } = await db.query<TenantRow>(sql, [param]);
  const row = rows[0];
  return row ? toTenantRef(row) : undefined;
};

export const findTenantById = (db: Db, id: string): Promise<TenantRef | undefined> =>
  first(db, `SELECT ${COLUMNS} FROM tenants t WHERE t.id = $1`, id);

const findTenantBySlug = (db: Db, slug: string): Promise<TenantRef | undefined> =>
  first(db, `SELECT ${COLUMNS} FROM tenants t WHERE t.slug = $1`, slug);

/** A custom domain registered in `tenant_domains` (exact, lower-case host without port). */
const findTenantByHost = (db: Db, host: string): Promise<TenantRef | undefined> =>
  first(db, `SELECT ${COLUMNS} FROM tenant_domains d JOIN tenants t ON t.id = d.tenant_id WHERE d.host = $1`, host);

/** The custom domains of a tenant. */
export const findTenantHosts = async (db: Db, tenantId: string): Promise<string[]> => {
  const { rows } = await db.query<{ host: string }>('SELECT host FROM tenant_domains WHERE tenant_id = $1 ORDER BY host', [tenantId]);
  return rows.map((row) => row.host);
};

/** One lookup by whichever kind of identifier was parsed. */
export const findTenant = (db: Db, identifier: ParsedIdentifier): Promise<TenantRef | undefined> => {
  switch (identifier.kind) {
    case 'id':
      return findTenantById(db, identifier.id);
    case 'slug':
      return findTenantBySlug(db, identifier.slug);
    case 'host':
      return findTenantByHost(db, identifier.host);
  }
};
