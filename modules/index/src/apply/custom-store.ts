import { preparedSql } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';

/** One schema's public values of a product as an event carried them (`values` null: deleted). */
export interface CustomValues {
  readonly productId: string;
  readonly schema: string;
  readonly schemaId: string;
  readonly schemaVersion: number;
  readonly values: Record<string, unknown> | null;
  readonly localized: readonly string[];
  readonly eventAt: string;
  readonly eventId: string;
}

/** Kept only when the event is newer than what the product's schema row holds (time, then id): an older event never wins. */
const UPSERT_SQL = preparedSql(
  'index_custom_upsert',
  `INSERT INTO index_product_custom AS c (product_id, schema, schema_id, schema_version, "values", localized, event_at, event_id)
   VALUES ($1::uuid, $2, $3::uuid, $4::int, $5::jsonb, $6::text[], $7::timestamptz, $8::uuid)
   ON CONFLICT (tenant_id, product_id, schema) DO UPDATE SET schema_id = EXCLUDED.schema_id,
     schema_version = CASE WHEN EXCLUDED."values" IS NULL THEN c.schema_version ELSE EXCLUDED.schema_version END,
     "values" = EXCLUDED."values", localized = EXCLUDED.localized, event_at = EXCLUDED.event_at, event_id = EXCLUDED.event_id
   WHERE (c.event_at, c.event_id) < (EXCLUDED.event_at, EXCLUDED.event_id)
   RETURNING 1`,
);

/** The rows of these products show what index_product_custom holds now (only rows that change are written). */
const RECOMPUTE_SQL = `UPDATE index_products SET custom = index_product_custom_of(product_id, locale, $2)
  WHERE product_id = ANY ($1::uuid[]) AND custom IS DISTINCT FROM index_product_custom_of(product_id, locale, $2)`;

/** Stores one schema's values of a product unless a newer event did already; true when stored. */
export const storeCustomValues = async (tx: SqlRunner, v: CustomValues): Promise<boolean> => {
  const { rows } = await tx.query(UPSERT_SQL, [
    v.productId,
    v.schema,
    v.schemaId,
    v.schemaVersion,
    v.values === null ? null : JSON.stringify(v.values),
    v.localized,
    v.eventAt,
    v.eventId,
  ]);
  return rows.length > 0;
};

/** Rewrites `custom` of every row (all locales) of the products from index_product_custom. */
export const recomputeCustom = async (tx: SqlRunner, productIds: readonly string[], defaultLocale: string): Promise<void> => {
  if (productIds.length > 0) await tx.query(RECOMPUTE_SQL, [productIds, defaultLocale]);
};

/**
 * The tenant switched flex off (`hidden`: its values leave every row, kept aside) or on again (they
 * come back). Products stay.
 */
export const hideCustom = async (tx: SqlRunner, hidden: boolean, defaultLocale: string): Promise<string[]> => {
  const { rows } = await tx.query<{ product_id: string }>(
    'UPDATE index_product_custom SET hidden = $1 WHERE hidden <> $1 RETURNING product_id',
    [hidden],
  );
  const ids = [...new Set(rows.map((r) => r.product_id))];
  await recomputeCustom(tx, ids, defaultLocale);
  return ids;
};
