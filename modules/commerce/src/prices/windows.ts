import type { Database } from '@rustok/db';

import { type CommerceContext, type EventPublisher, inTenant, systemActor } from '../context.js';
import { announcePriceChanges, type PricedVariant, pricedVariantsOf } from './lists.js';

/**
 * Price lists whose window opened or closed since it was last announced (a start or end at or before
 * `now` and after `windows_announced_at`), locked (`SKIP LOCKED`: another instance, or a writer of
 * the list, has it) and marked announced as of `now`.
 */
const DUE_SQL = `
UPDATE commerce_price_lists SET windows_announced_at = $1
 WHERE id IN (SELECT id FROM commerce_price_lists
               WHERE active AND ((starts_at <= $1 AND starts_at > windows_announced_at) OR (ends_at <= $1 AND ends_at > windows_announced_at))
               ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED)
RETURNING id`;

/**
 * A sale or override window that opens or closes changes what shoppers pay without any write, so
 * the variants the list prices are announced then (commerce.price.updated, and a version bump with
 * commerce.product.updated per product), as a change of the list would: read models such as the
 * storefront index re-read those products. Returns how many lists were announced.
 */
export const announcePriceWindows = (ctx: CommerceContext, now = new Date()): Promise<number> =>
  inTenant(ctx, async (w) => {
    const { rows } = await w.tx.query<{ id: string }>(DUE_SQL, [now]);
    const priced: PricedVariant[] = [];
    for (const { id } of rows) priced.push(...(await pricedVariantsOf(w, id)));
    await announcePriceChanges(w, priced);
    return rows.length;
  });

/** Every active tenant's price windows that opened or closed, one tenant transaction each. */
export const announcePriceWindowsAllTenants = async (db: Database, events: EventPublisher, now = new Date()): Promise<number> => {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM tenants WHERE is_active ORDER BY id');
  let announced = 0;
  for (const { id } of rows) announced += await announcePriceWindows({ db, events, tenantId: id, actor: systemActor }, now);
  return announced;
};
