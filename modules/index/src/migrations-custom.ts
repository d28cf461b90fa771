import { CURRENT_TENANT_SQL, tenantRlsSql } from '@rustok/db';
import { SUMMARY_ITEM_SQL } from './migrations-summaries.js';

/**
 * Public attached flex values of products (flex.values.updated / deleted). `index_product_custom`
 * keeps each product's public values per schema as the newest event carried them (`values` null: a
 * tombstone of deleted values), with the event's time and id so that an older event never overwrites
 * a newer one, and `hidden` while the tenant has flex switched off. `index_products.custom` is what
 * a row shows: `{ "<schema>.<key>": value }` in the row's locale (a localized value: the locale's,
 * else the default locale's), null when there is none; every product write recomputes it
 * (`index_product_custom_of`), and the stored list item carries it only when there is one.
 */
export const customSql = `
CREATE TABLE index_product_custom (
  tenant_id uuid NOT NULL DEFAULT ${CURRENT_TENANT_SQL},
  product_id uuid NOT NULL,
  schema text NOT NULL,
  schema_id uuid NOT NULL,
  schema_version integer NOT NULL DEFAULT 0,
  "values" jsonb,
  localized text[] NOT NULL DEFAULT '{}',
  hidden boolean NOT NULL DEFAULT false,
  event_at timestamptz NOT NULL,
  event_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, product_id, schema)
);
${tenantRlsSql('index_product_custom')}
ALTER TABLE index_products ADD COLUMN custom jsonb;
CREATE INDEX index_products_custom ON index_products USING gin (custom jsonb_path_ops) WITH (gin_pending_list_limit = 64)
  WHERE status = 'published';
CREATE FUNCTION index_product_custom_of(p uuid, loc text, def text) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_object_agg(c.schema || '.' || e.key, e.v ORDER BY c.schema, e.key) FILTER (WHERE e.v IS NOT NULL AND jsonb_typeof(e.v) <> 'null')
    FROM index_product_custom c
   CROSS JOIN LATERAL (
     SELECT j.key, CASE WHEN j.key = ANY (c.localized) THEN coalesce(j.value -> loc, j.value -> def) ELSE j.value END AS v
       FROM jsonb_each(c."values") j) e
   WHERE c.product_id = p AND c."values" IS NOT NULL AND NOT c.hidden
$$;
CREATE OR REPLACE FUNCTION index_product_summary(p index_products) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN p.custom IS NULL OR p.custom = '{}'::jsonb THEN x.t ELSE left(x.t, -1) || ',"custom":' || p.custom::text || '}' END
    FROM (SELECT ${SUMMARY_ITEM_SQL}) AS x(t)
$$;`;

/**
 * Searchable flex fields in the product search: `index_product_custom.searchable` keeps the keys of
 * the schema's fields flagged `searchable` (as the event's schema had them, like `localized`), and
 * `index_product_search_text_of` gives the text of those values in a row's locale (strings and
 * numbers at any depth: lists, localized values resolved like `custom`), which the product rows'
 * search vectors take at weight C (with the SEO texts). Hidden values (flex off) are left out.
 */
export const customSearchSql = `
ALTER TABLE index_product_custom ADD COLUMN searchable text[] NOT NULL DEFAULT '{}';
CREATE FUNCTION index_product_search_text_of(p uuid, loc text, def text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(j.x #>> '{}', ' '), '')
    FROM index_product_custom c
   CROSS JOIN LATERAL unnest(c.searchable) AS k(key)
   CROSS JOIN LATERAL jsonb_path_query(
     CASE WHEN k.key = ANY (c.localized) THEN coalesce(c."values" -> k.key -> loc, c."values" -> k.key -> def) ELSE c."values" -> k.key END,
     'strict $.** ? (@.type() == "string" || @.type() == "number")') AS j(x)
   WHERE c.product_id = p AND c."values" IS NOT NULL AND NOT c.hidden
$$;`;

/**
 * Both per-row functions of a product write in PL/pgSQL: as SQL functions with a FROM clause they are
 * never inlined, and PostgreSQL parses and plans such a function's statement on every call (twice per
 * locale row of every product write); PL/pgSQL keeps the plan per connection. Same results.
 */
export const customPlansSql = `
CREATE OR REPLACE FUNCTION index_product_custom_of(p uuid, loc text, def text) RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT jsonb_object_agg(c.schema || '.' || e.key, e.v ORDER BY c.schema, e.key) FILTER (WHERE e.v IS NOT NULL AND jsonb_typeof(e.v) <> 'null')
    FROM index_product_custom c
   CROSS JOIN LATERAL (
     SELECT j.key, CASE WHEN j.key = ANY (c.localized) THEN coalesce(j.value -> loc, j.value -> def) ELSE j.value END AS v
       FROM jsonb_each(c."values") j) e
   WHERE c.product_id = p AND c."values" IS NOT NULL AND NOT c.hidden);
END
$$;
CREATE OR REPLACE FUNCTION index_product_search_text_of(p uuid, loc text, def text) RETURNS text LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT coalesce(string_agg(j.x #>> '{}', ' '), '')
    FROM index_product_custom c
   CROSS JOIN LATERAL unnest(c.searchable) AS k(key)
   CROSS JOIN LATERAL jsonb_path_query(
     CASE WHEN k.key = ANY (c.localized) THEN coalesce(c."values" -> k.key -> loc, c."values" -> k.key -> def) ELSE c."values" -> k.key END,
     'strict $.** ? (@.type() == "string" || @.type() == "number")') AS j(x)
   WHERE c.product_id = p AND c."values" IS NOT NULL AND NOT c.hidden);
END
$$;`;
