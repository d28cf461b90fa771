import { preparedSql } from '@rustok/db';
import { ORDER_COLUMNS } from '../orders/order-view.js';

const ORDER_COLUMNS_OF_O = ORDER_COLUMNS.split(',')
  .map((c) => `o.${c.trim()}`)
  .join(', ');

/**
 * The whole write of a checkout in one statement, in the one lock order every checkout follows:
 * 1. `locked`: the stock rows of the claims, locked in variant-id order (materialized, so the
 *    UPDATE only touches rows locked already); `taken`: the conditional UPDATE
 *    (`available >= quantity`, unless backorders are allowed);
 * 2. `used`: one use of the discount code, only when all stock was taken and while under its limit;
 * 3. `seq`: the tenant's next display number, only when 1 and 2 succeeded — the sequence row is
 *    locked last, so it is held for the least time (this statement, the outbox write, the commit);
 * 4. the order, its line snapshots, reservations, first token hash and first history entry, and the
 *    cart completed.
 * When stock or discount fall short nothing of 2–4 happens and the answer says which; the caller
 * rolls back (undoing 1).
 */
export const PLACE_SQL = preparedSql(
  'commerce_checkout_place',
  `
WITH locked AS MATERIALIZED (
  SELECT variant_id, available FROM commerce_inventory WHERE variant_id = ANY($29::uuid[]) ORDER BY variant_id FOR UPDATE
), taken AS (
  UPDATE commerce_inventory AS i SET available = i.available - r.quantity, version = i.version + 1, updated_at = now()
    FROM unnest($29::uuid[], $30::int[], $31::bool[]) AS r(variant_id, quantity, backorder), locked AS l
   WHERE l.variant_id = r.variant_id AND i.variant_id = r.variant_id AND (i.available >= r.quantity OR r.backorder)
   RETURNING i.variant_id, i.available
), stock AS MATERIALIZED (
  SELECT (SELECT count(*) FROM taken) = cardinality($29::uuid[]) AS ok
), used AS (
  UPDATE commerce_discounts SET usage_count = usage_count + 1, updated_at = now()
   WHERE id = $34::uuid AND active AND (usage_limit IS NULL OR usage_count < usage_limit) AND (SELECT ok FROM stock)
   RETURNING id
), go AS MATERIALIZED (
  SELECT (SELECT ok FROM stock) AND ($34::uuid IS NULL OR EXISTS (SELECT 1 FROM used)) AS ok
), seq AS (
  INSERT INTO commerce_order_sequences AS s (last_display_id) SELECT 1 WHERE (SELECT ok FROM go)
  ON CONFLICT (tenant_id) DO UPDATE SET last_display_id = s.last_display_id + 1
  RETURNING s.last_display_id
), o AS (
  INSERT INTO commerce_orders (id, display_id, cart_id, customer_id, email, currency_code, subtotal, discount_total,
      shipping_total, tax_total, total, discount_code, shipping_option, shipping_address, billing_address, idempotency_key,
      locale, created_at, updated_at)
  SELECT $1, seq.last_display_id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14::jsonb, $15,
         $36::text, date_trunc('milliseconds', now()), date_trunc('milliseconds', now()) FROM seq
  RETURNING ${ORDER_COLUMNS}
), keys AS (
  INSERT INTO commerce_order_keys (order_id, display_id, cart_id, idempotency_key)
  SELECT o.id, o.display_id, o.cart_id, $15 FROM o
), lines AS (
  INSERT INTO commerce_order_lines (id, order_id, product_id, variant_id, title, variant_title, sku, quantity, unit_price,
      subtotal, discount_total, tax_total, total, position)
  SELECT u.id, o.id, u.product_id, u.variant_id, u.title, u.variant_title, u.sku, u.quantity, u.unit_price, u.subtotal,
         u.discount_total, u.tax_total, u.total, u.ord - 1
    FROM o, unnest($16::uuid[], $17::uuid[], $18::uuid[], $19::text[], $20::text[], $21::text[], $22::int[], $23::bigint[],
                   $24::bigint[], $25::bigint[], $26::bigint[], $27::bigint[])
            WITH ORDINALITY AS u(id, product_id, variant_id, title, variant_title, sku, quantity, unit_price, subtotal,
                                 discount_total, tax_total, total, ord)
), held AS (
  INSERT INTO commerce_reservations (id, order_id, variant_id, quantity)
  SELECT u.id, o.id, u.variant_id, u.quantity FROM o, unnest($28::uuid[], $29::uuid[], $30::int[]) AS u(id, variant_id, quantity)
), cart AS (
  UPDATE commerce_carts SET status = 'completed', order_id = $1, email = $4, updated_at = now()
   WHERE id = $2 AND (SELECT ok FROM go)
), token AS (
  INSERT INTO commerce_order_tokens (order_id, token_hash) SELECT o.id, $35 FROM o
), history AS (
  INSERT INTO commerce_order_history (id, order_id, from_status, to_status, actor_id, created_at)
  SELECT $32, o.id, NULL, 'pending', $33, date_trunc('milliseconds', now()) FROM o
)
SELECT (SELECT ok FROM stock) AS stock_ok, (SELECT ok FROM go) AS placed,
       (SELECT coalesce(json_agg(json_build_object('variant_id', l.variant_id, 'available', l.available, 'after', t.available)), '[]')
          FROM locked AS l LEFT JOIN taken AS t ON t.variant_id = l.variant_id) AS stock,
       ${ORDER_COLUMNS_OF_O}
  FROM (SELECT 1) AS one LEFT JOIN o ON true`,
);
