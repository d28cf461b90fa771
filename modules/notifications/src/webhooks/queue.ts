import type { Database } from '@rustok/db';

/** A due delivery claimed from the deployment's queue. */
export interface Claimed {
  readonly deliveryId: string;
  readonly tenantId: string;
}

/**
 * Claims up to `limit` due deliveries across tenants for `leaseMs` (another run may take them after
 * that, should this one die mid-way). Oldest due first; rows another run holds are skipped.
 */
export const claimDue = async (db: Database, limit: number, leaseMs: number): Promise<Claimed[]> => {
  const { rows } = await db.query<{ delivery_id: string; tenant_id: string }>(
    `UPDATE notifications_webhook_queue q SET claimed_until = now() + $2 * interval '1 millisecond'
       FROM (SELECT delivery_id FROM notifications_webhook_queue
              WHERE due_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
              ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
      WHERE q.delivery_id = due.delivery_id
      RETURNING q.delivery_id, q.tenant_id`,
    [limit, leaseMs],
  );
  return rows.map((r) => ({ deliveryId: r.delivery_id, tenantId: r.tenant_id }));
};

/** Claimed deliveries per tenant, in claim order. */
export const byTenant = (claimed: readonly Claimed[]): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const c of claimed) {
    const ids = out.get(c.tenantId) ?? [];
    ids.push(c.deliveryId);
    out.set(c.tenantId, ids);
  }
  return out;
};
