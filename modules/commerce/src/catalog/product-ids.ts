import type { SqlRunner } from '@rustok/kernel';

/** Which of the given ids are products of the transaction's tenant (row-level security scopes the read). */
export const existingProductIds = async (tx: SqlRunner, ids: readonly string[]): Promise<Set<string>> => {
  if (ids.length === 0) return new Set();
  // A deployment built without commerce has no catalog: then no id is a product.
  const { rows: table } = await tx.query<{ t: string | null }>("SELECT to_regclass('commerce_products')::text AS t");
  if (!table[0]?.t) return new Set();
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM commerce_products WHERE id = ANY($1::uuid[])', [ids]);
  return new Set(rows.map((r) => r.id));
};

/** Whether a product of the transaction's tenant is published (undefined: no such product of the tenant). */
export const productPublished = async (tx: SqlRunner, id: string): Promise<boolean | undefined> => {
  const { rows: table } = await tx.query<{ t: string | null }>("SELECT to_regclass('commerce_products')::text AS t");
  if (!table[0]?.t) return undefined;
  const { rows } = await tx.query<{ published: boolean }>("SELECT status = 'published' AS published FROM commerce_products WHERE id = $1", [
    id,
  ]);
  return rows[0]?.published;
};
