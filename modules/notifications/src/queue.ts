import type { Database } from '@rustok/db';

/** The deployment's two queues (ids and due times across tenants): webhook deliveries and mails. */
const QUEUES = {
  webhook: { table: 'notifications_webhook_queue', id: 'delivery_id' },
  mail: { table: 'notifications_mail_queue', id: 'mail_id' },
} as const;

/** A due entry claimed from a queue: the delivery's or mail's id and its tenant. */
export interface Claimed {
  readonly id: string;
  readonly tenantId: string;
}

/**
 * Claims up to `limit` due entries of a queue across tenants for `leaseMs` (another run may take them
 * after that, should this one die mid-way). Oldest due first; entries another run holds are skipped.
 */
export const claimDue = async (db: Database, queue: keyof typeof QUEUES, limit: number, leaseMs: number): Promise<Claimed[]> => {
  const { table, id } = QUEUES[queue];
  const { rows } = await db.query<{ id: string; tenant_id: string }>(
    `UPDATE ${table} q SET claimed_until = now() + $2 * interval '1 millisecond'
       FROM (SELECT ${id} FROM ${table}
              WHERE due_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
              ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
      WHERE q.${id} = due.${id}
      RETURNING q.${id} AS id, q.tenant_id`,
    [limit, leaseMs],
  );
  return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id }));
};

/** Claimed ids per tenant, in claim order. */
export const byTenant = (claimed: readonly Claimed[]): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const c of claimed) {
    const ids = out.get(c.tenantId) ?? [];
    ids.push(c.id);
    out.set(c.tenantId, ids);
  }
  return out;
};
