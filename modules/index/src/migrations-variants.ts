import { RESTORE_TENANT, SET_TENANT } from './migrations-tenant-sql.js';

/**
 * Variants and images on product rows. `variants` is stored exactly as the product route answers it
 * (titles in the row's locale, prices per currency, stock as the tenant shows it), so a lookup by
 * handle returns it as it is and the lists never read it. `total_stock` is null where the tenant
 * hides stock counts. The lookup by handle returns both new columns.
 */
export const variantsSql = `
ALTER TABLE index_products
  ADD COLUMN variants jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN images jsonb NOT NULL DEFAULT '[]',
  ALTER COLUMN total_stock DROP NOT NULL;
CREATE OR REPLACE FUNCTION index_product_by_handle(tenant uuid, loc text, wanted text) RETURNS json
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  ${SET_TENANT}
  SELECT to_json(x) INTO result FROM (
    SELECT product_id AS id, handle, locale, text_locale, title, subtitle, prices, has_stock, total_stock, categories, tags,
           to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS published_iso,
           description, seo_title, seo_description, currencies, variants, images
      FROM index_products
     WHERE tenant_id = tenant AND locale = loc AND handle = wanted AND status = 'published'
     ORDER BY published_at DESC LIMIT 1) x;
  ${RESTORE_TENANT}
$$;`;
