import type { Database, Tx } from '@rustok/db';
import { errorCodeOf, generateId, type TenantRef } from '@rustok/kernel';
import { tenancyErrors } from './errors.js';
import { assertTenantSettings } from './tenant-settings.js';

export interface TenantRecord extends TenantRef {
  readonly domains: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

type Row = {
  id: string;
  slug: string;
  name: string;
  is_active: boolean;
  settings: Record<string, unknown>;
  domains: string[] | null;
  created_at: Date;
  updated_at: Date;
};

const SELECT = `SELECT t.id, t.slug, t.name, t.is_active, t.settings, t.created_at, t.updated_at,
  (SELECT array_agg(d.host ORDER BY d.host) FROM tenant_domains d WHERE d.tenant_id = t.id) AS domains FROM tenants t`;

const toRecord = (r: Row): TenantRecord => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  isActive: r.is_active,
  settings: r.settings,
  domains: r.domains ?? [],
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const isUniqueViolation = (error: unknown) => errorCodeOf(error) === '23505';

export const insertTenant = async (
  tx: Tx,
  input: { id?: string; name: string; slug: string; settings?: Record<string, unknown> },
): Promise<TenantRecord> => {
  const id = input.id ?? generateId();
  if (input.settings) assertTenantSettings(input.settings);
  try {
    await tx.query('INSERT INTO tenants (id, name, slug, settings) VALUES ($1, $2, $3, $4)', [
      id,
      input.name,
      input.slug,
      JSON.stringify(input.settings ?? {}),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw tenancyErrors.TENANT_SLUG_TAKEN(`The slug ${input.slug} is taken`);
    throw error;
  }
  return (await getTenant(tx, id)) as TenantRecord;
};

export const getTenant = async (db: Database | Tx, id: string): Promise<TenantRecord | undefined> => {
  const { rows } = await db.query<Row>(`${SELECT} WHERE t.id = $1`, [id]);
  return rows[0] ? toRecord(rows[0]) : undefined;
};

export const listTenants = async (
  db: Database,
  limit: number,
  cursor?: string,
): Promise<{ items: TenantRecord[]; nextCursor: string | null }> => {
  const { rows } = await db.query<Row>(`${SELECT} WHERE ($1::uuid IS NULL OR t.id > $1::uuid) ORDER BY t.id LIMIT $2`, [
    cursor ?? null,
    limit + 1,
  ]);
  const items = rows.slice(0, limit).map(toRecord);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
};

export interface TenantPatch {
  readonly name?: string;
  readonly isActive?: boolean;
  readonly settings?: Record<string, unknown>;
  readonly domains?: readonly string[];
}

/** Applies a patch; returns the tenant before and after, and the names of the changed fields. */
export const patchTenant = async (tx: Tx, id: string, patch: TenantPatch) => {
  if (patch.settings) assertTenantSettings(patch.settings);
  const before = await getTenant(tx, id);
  if (!before) throw tenancyErrors.TENANT_NOT_FOUND(`No tenant ${id}`);
  await tx.query(
    `UPDATE tenants SET name = coalesce($2, name), is_active = coalesce($3, is_active), settings = coalesce($4, settings), updated_at = now() WHERE id = $1`,
    [id, patch.name ?? null, patch.isActive ?? null, patch.settings ? JSON.stringify(patch.settings) : null],
  );
  if (patch.domains) {
    await tx.query('DELETE FROM tenant_domains WHERE tenant_id = $1', [id]);
    try {
      for (const host of patch.domains) await tx.query('INSERT INTO tenant_domains (host, tenant_id) VALUES ($1, $2)', [host, id]);
    } catch (error) {
      if (isUniqueViolation(error)) throw tenancyErrors.TENANT_DOMAIN_TAKEN('A domain is already used by another tenant');
      throw error;
    }
  }
  const after = (await getTenant(tx, id)) as TenantRecord;
  const changes = Object.keys(patch).filter((k) => patch[k as keyof TenantPatch] !== undefined);
  return { before, after, changes };
};
