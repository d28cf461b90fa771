import type { Database } from '@rustok/db';

import { type CommerceContext, type EventPublisher, inTenant, systemActor } from '../../context.js';

/** Marks the tenant's open carts whose time has come as expired; returns how many. */
const expireCarts = (ctx: CommerceContext, now = new Date()): Promise<number> =>
  inTenant(ctx, async (w) => {
    const { rows } = await w.tx.query(
      `UPDATE commerce_carts SET status = 'expired', updated_at = now()
        WHERE id IN (SELECT id FROM commerce_carts WHERE status = 'open' AND expires_at <= $1 ORDER BY expires_at LIMIT 5000
                     FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [now],
    );
    return rows.length;
  });

/**
 * Every active tenant's abandoned carts, one tenant transaction each (the `tenants` registry has
 * no row-level security; carts do). Safe from several instances at once: carts being checked out
 * are locked and skipped.
 */
export const expireCartsAllTenants = async (db: Database, events: EventPublisher, now = new Date()): Promise<number> => {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM tenants WHERE is_active ORDER BY id');
  let expired = 0;
  for (const { id } of rows) expired += await expireCarts({ db, events, tenantId: id, actor: systemActor }, now);
  return expired;
};
