import type { Database } from '@rustok/db';
import type { EventBus } from '@rustok/events';
import type { TenantRef } from '@rustok/kernel';
import { errorCodeOf } from '@rustok/kernel';
import { insertTenant } from '@rustok/tenancy';

/**
 * Every deployment has a default tenant (`settings.rustok.tenant.default_slug`): requests that name
 * no tenant land there, and the platform administrator lives there. Created on first start.
 */
export const ensureDefaultTenant = async (db: Database, bus: EventBus, slug: string): Promise<TenantRef> => {
  const existing = await db.query<{ id: string; slug: string; name: string; is_active: boolean; settings: Record<string, unknown> }>(
    'SELECT id, slug, name, is_active, settings FROM tenants WHERE slug = $1',
    [slug],
  );
  const row = existing.rows[0];
  if (row) return { id: row.id, slug: row.slug, name: row.name, isActive: row.is_active, settings: row.settings };
  try {
    return await db.transaction(async (tx) => {
      const tenant = await insertTenant(tx, { name: 'Default', slug });
      await bus.publishInTx(tx, {
        type: 'tenancy.tenant.created',
        tenantId: tenant.id,
        payload: { tenantId: tenant.id, slug, name: tenant.name },
      });
      return tenant;
    });
  } catch (error) {
    // Another process created it at the same moment.
    if (errorCodeOf(error) === 'TENANT_SLUG_TAKEN') return ensureDefaultTenant(db, bus, slug);
    throw error;
  }
};
