import { SUMMARY_ITEM_SQL } from './migrations-summaries.js';

/**
 * The first image in the stored list item (`"image"`, absent when the product has none), so that
 * product cards show it from the stored text like the rest of the item: the row's `images` already
 * hold each library image's size and WebP variants (commerce reads them through media's contracts
 * when it gives the index a product). Rows with images are written again to gain it.
 */
export const summaryImageSql = `
CREATE OR REPLACE FUNCTION index_product_summary(p index_products) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN p.custom IS NULL OR p.custom = '{}'::jsonb THEN y.t ELSE left(y.t, -1) || ',"custom":' || p.custom::text || '}' END
    FROM (SELECT CASE WHEN p.images IS NULL OR jsonb_array_length(p.images) = 0 THEN x.t
                      ELSE left(x.t, -1) || ',"image":' || (p.images -> 0)::text || '}' END
            FROM (SELECT ${SUMMARY_ITEM_SQL}) AS x(t)) AS y(t)
$$;
UPDATE index_products SET summary = NULL WHERE jsonb_array_length(images) > 0;`;
