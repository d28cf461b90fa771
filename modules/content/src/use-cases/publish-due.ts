import type { Database } from '@rustok/db';

import { type ContentContext, type EventPublisher, inTenant, systemActor } from '../context.js';
import { transitionInTx } from './transition-node.js';

/** Publishes the tenant's scheduled nodes whose publishAt has come; returns their ids. */
export const publishDue = (ctx: ContentContext, now = new Date()): Promise<string[]> =>
  inTenant(ctx, async (w) => {
    const { rows } = await w.tx.query<{ id: string }>(
      `SELECT id FROM content_nodes WHERE status = 'scheduled' AND publish_at <= $1 ORDER BY publish_at, id LIMIT 500
       FOR UPDATE SKIP LOCKED`,
      [now],
    );
    for (const { id } of rows) await transitionInTx(w, id, { to: 'published' }, now);
    return rows.map((r) => r.id);
  });

/**
 * Every active tenant's due nodes, one tenant transaction each (the `tenants` registry has no
 * row-level security; the content tables do). Safe to run from several instances at once.
 */
export const publishDueAllTenants = async (db: Database, events: EventPublisher, now = new Date()): Promise<number> => {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM tenants WHERE is_active ORDER BY id');
  let published = 0;
  for (const { id } of rows) {
    published += (await publishDue({ db, events, tenantId: id, actor: systemActor }, now)).length;
  }
  return published;
};
