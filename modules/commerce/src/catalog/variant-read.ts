import type { SqlRunner } from '@rustok/kernel';

/** What a cart or checkout needs to know about a variant it sells. */
export interface VariantForSale {
  readonly id: string;
  readonly productId: string;
  readonly productTitle: string;
  readonly productStatus: 'draft' | 'published' | 'archived';
  readonly title: string;
  readonly sku: string | null;
  readonly manageInventory: boolean;
  readonly allowBackorder: boolean;
  readonly discountable: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface VariantForSaleRow {
  id: string;
  product_id: string;
  product_title: string;
  product_status: VariantForSale['productStatus'];
  title: string;
  sku: string | null;
  manage_inventory: boolean;
  allow_backorder: boolean;
  discountable: boolean;
  [key: string]: unknown;
}

/**
 * The given variants with their product's title, status and discountability, keyed by variant id.
 * Ids that do not exist (or are another tenant's: run inside the tenant's transaction) are absent.
 */
export const loadVariantsForSale = async (tx: SqlRunner, variantIds: readonly string[]): Promise<Map<string, VariantForSale>> => {
  const out = new Map<string, VariantForSale>();
  const ids = [...new Set(variantIds)].filter((id) => UUID.test(id));
  if (ids.length === 0) return out;
  const { rows } = await tx.query<VariantForSaleRow>(
    `SELECT v.id, v.product_id, p.title AS product_title, p.status AS product_status, v.title, v.sku,
            v.manage_inventory, v.allow_backorder, p.discountable
       FROM commerce_variants v JOIN commerce_products p ON p.id = v.product_id
      WHERE v.id = ANY($1::uuid[])`,
    [ids],
  );
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      productId: r.product_id,
      productTitle: r.product_title,
      productStatus: r.product_status,
      title: r.title,
      sku: r.sku,
      manageInventory: r.manage_inventory,
      allowBackorder: r.allow_backorder,
      discountable: r.discountable,
    });
  }
  return out;
};
