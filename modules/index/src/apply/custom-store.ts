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
  /** Keys of the schema's fields whose text the product's search reads (at weight C). */
  readonly searchable: readonly string[];
  readonly eventAt: string;
  readonly eventId: string;
}

/**
 * Kept only when the event is newer than what the product's schema row holds (time, then id): an older
 * event never wins. Also says whether the row stored before had searchable keys (its text may leave
 * the search vectors).
 */
const UPSERT_SQL = preparedSql(
  'index_custom_upsert',
  `WITH before AS (
     SELECT cardinality(searchable) > 0 AS had FROM index_product_custom WHERE product_id = $1::uuid AND schema = $2
   ), up AS (
     INSERT INTO index_product_custom AS c (product_id, schema, schema_id, schema_version, "values", localized, searchable, event_at, event_id)
     VALUES ($1::uuid, $2, $3::uuid, $4::int, $5::jsonb, $6::text[], $7::text[], $8::timestamptz, $9::uuid)
     ON CONFLICT (tenant_id, product_id, schema) DO UPDATE SET schema_id = EXCLUDED.schema_id,
       schema_version = CASE WHEN EXCLUDED."values" IS NULL THEN c.schema_version ELSE EXCLUDED.schema_version END,
       "values" = EXCLUDED."values", localized = EXCLUDED.localized, searchable = EXCLUDED.searchable,
       event_at = EXCLUDED.event_at, event_id = EXCLUDED.event_id
     WHERE (c.event_at, c.event_id) < (EXCLUDED.event_at, EXCLUDED.event_id)
     RETURNING 1
   )
   SELECT EXISTS (SELECT 1 FROM up) AS stored, coalesce((SELECT had FROM before), false) AS had`,
);

/** The rows of these products show what index_product_custom holds now (only rows that change are written). */
const RECOMPUTE_SQL = `UPDATE index_products SET custom = index_product_custom_of(product_id, locale, $2)
  WHERE product_id = ANY ($1::uuid[]) AND custom IS DISTINCT FROM index_product_custom_of(product_id, locale, $2)`;

/** What storing an event's values did: stored (else a newer event had been), and whether the product's search text may change. */
export interface StoredValues {
  readonly stored: boolean;
  readonly searchChanged: boolean;
}

/** Stores one schema's values of a product unless a newer event did already. */
export const storeCustomValues = async (tx: SqlRunner, v: CustomValues): Promise<StoredValues> => {
  const { rows } = await tx.query<{ stored: boolean; had: boolean }>(UPSERT_SQL, [
    v.productId,
    v.schema,
    v.schemaId,
    v.schemaVersion,
    v.values === null ? null : JSON.stringify(v.values),
    v.localized,
    v.searchable,
    v.eventAt,
    v.eventId,
  ]);
  const stored = rows[0]?.stored === true;
  return { stored, searchChanged: stored && (rows[0]?.had === true || v.searchable.length > 0) };
};

/** Rewrites `custom` of every row (all locales) of the products from index_product_custom. */
export const recomputeCustom = async (tx: SqlRunner, productIds: readonly string[], defaultLocale: string): Promise<void> => {
  if (productIds.length > 0) await tx.query(RECOMPUTE_SQL, [productIds, defaultLocale]);
};

/**
 * The tenant switched flex off (`hidden`: its values leave every row, kept aside) or on again (they
 * come back). Products stay.
 */
export const hideCustom = async (
  tx: SqlRunner,
  hidden: boolean,
  defaultLocale: string,
): Promise<{ readonly ids: string[]; readonly searchIds: string[] }> => {
  const { rows } = await tx.query<{ product_id: string; searchable: boolean }>(
    'UPDATE index_product_custom SET hidden = $1 WHERE hidden <> $1 RETURNING product_id, cardinality(searchable) > 0 AS searchable',
    [hidden],
  );
  const ids = [...new Set(rows.map((r) => r.product_id))];
  await recomputeCustom(tx, ids, defaultLocale);
  return { ids, searchIds: [...new Set(rows.filter((r) => r.searchable).map((r) => r.product_id))] };
};

/**
 * A schema's fields changed (flex.schema.updated): every stored fieldset of it takes the schema's
 * localized and searchable keys now. Gives the products whose rows change, and those whose search
 * text may (searchable keys before or after).
 */
export const rekeyCustom = async (
  tx: SqlRunner,
  schema: string,
  keys: Pick<CustomValues, 'localized' | 'searchable'>,
  defaultLocale: string,
): Promise<{ readonly ids: string[]; readonly searchIds: string[] }> => {
  const { rows } = await tx.query<{ product_id: string; search: boolean }>(
    `WITH before AS (
       SELECT product_id, searchable FROM index_product_custom
        WHERE schema = $1 AND (localized, searchable) IS DISTINCT FROM ($2::text[], $3::text[]))
     UPDATE index_product_custom c SET localized = $2::text[], searchable = $3::text[]
       FROM before WHERE c.schema = $1 AND c.product_id = before.product_id
     RETURNING c.product_id, cardinality(before.searchable) > 0 OR cardinality($3::text[]) > 0 AS search`,
    [schema, keys.localized, keys.searchable],
  );
  const ids = rows.map((r) => r.product_id);
  await recomputeCustom(tx, ids, defaultLocale);
  return { ids, searchIds: rows.filter((r) => r.search).map((r) => r.product_id) };
};
