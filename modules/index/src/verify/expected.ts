import { tenantLocales } from '@rustok/api';
import { loadProductIndexSources } from '@rustok/commerce/contracts';
import { loadNodeIndexSources } from '@rustok/content/contracts';
import type { SqlRunner } from '@rustok/kernel';
import { projectNode } from '../apply/content-project.js';
import { projectProduct } from '../apply/products-project.js';
import { loadProductLocales } from '../apply/products-refresh.js';
import type { IndexKind } from '../events.js';

/** A row reduced to the fields a shopper sees plus its version, keyed `<id>|<locale>`. */
export type Comparable = Record<string, unknown>;

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : new Date(v as string).toISOString());

const productView = (r: Record<string, unknown>): Comparable => ({
  textLocale: r.textLocale,
  handle: r.handle,
  title: r.title,
  subtitle: r.subtitle ?? null,
  description: r.description ?? null,
  seoTitle: r.seoTitle ?? null,
  seoDescription: r.seoDescription ?? null,
  categories: r.categories,
  tags: r.tags,
  prices: r.prices,
  totalStock: r.totalStock === null || r.totalStock === undefined ? null : Number(r.totalStock),
  hasStock: r.hasStock,
  variants: r.variants,
  images: r.images,
  sourceVersion: Number(r.sourceVersion),
  stockVersion: Number(r.stockVersion),
  publishedAt: iso(r.publishedAt),
});

const contentView = (r: Record<string, unknown>): Comparable => ({
  textLocale: r.textLocale,
  kind: r.kind,
  title: r.title,
  slug: r.slug,
  excerpt: r.excerpt ?? null,
  bodyPreview: r.bodyPreview,
  bodyHtml: r.bodyHtml,
  authorName: r.authorName ?? null,
  categoryId: r.categoryId ?? null,
  categoryName: r.categoryName ?? null,
  categorySlug: r.categorySlug ?? null,
  tags: r.tags,
  tagNames: r.tagNames,
  parentId: r.parentId ?? null,
  replyCount: Number(r.replyCount),
  seoTitle: r.seoTitle ?? null,
  seoDescription: r.seoDescription ?? null,
  sourceVersion: Number(r.sourceVersion),
  publishedAt: iso(r.publishedAt),
});

const keyOf = (id: unknown, locale: unknown): string => `${id}|${locale}`;

/** What the write model says the published rows of these items should be. */
export const expectedRows = async (
  tx: SqlRunner,
  kind: IndexKind,
  ids: readonly string[],
  locale?: string,
): Promise<Map<string, Comparable>> => {
  const out = new Map<string, Comparable>();
  const keep = (l: string) => locale === undefined || l === locale;
  if (kind === 'products') {
    const locales = await loadProductLocales(tx);
    for (const source of (await loadProductIndexSources(tx, ids, locales.defaultLocale)).values()) {
      if (source.status !== 'published') continue;
      for (const row of projectProduct(source, locales))
        if (keep(row.locale)) out.set(keyOf(source.id, row.locale), productView({ ...row }));
    }
    return out;
  }
  const locales = await tenantLocales(tx);
  for (const source of (await loadNodeIndexSources(tx, ids)).values()) {
    if (source.status !== 'published') continue;
    for (const row of projectNode(source, locales)) if (keep(row.locale)) out.set(keyOf(source.id, row.locale), contentView({ ...row }));
  }
  return out;
};

const PRODUCT_SQL = `SELECT product_id AS id, locale, text_locale AS "textLocale", handle, title, subtitle, description,
  seo_title AS "seoTitle", seo_description AS "seoDescription", categories, tags, prices, total_stock AS "totalStock",
  has_stock AS "hasStock", variants, images, source_version AS "sourceVersion", stock_version AS "stockVersion", published_at AS "publishedAt"
  FROM index_products WHERE status = 'published' AND product_id = ANY($1::uuid[]) AND ($2::text IS NULL OR locale = $2)`;

const CONTENT_SQL = `SELECT node_id AS id, locale, text_locale AS "textLocale", kind, title, slug, excerpt, body_preview AS "bodyPreview",
  body_html AS "bodyHtml", author_name AS "authorName", category_id AS "categoryId", category_name AS "categoryName",
  category_slug AS "categorySlug", tags, tag_names AS "tagNames", parent_id AS "parentId", reply_count AS "replyCount",
  seo_title AS "seoTitle", seo_description AS "seoDescription", source_version AS "sourceVersion", published_at AS "publishedAt"
  FROM index_content WHERE status = 'published' AND node_id = ANY($1::uuid[]) AND ($2::text IS NULL OR locale = $2)`;

/** The published rows the index holds for these items. */
export const actualRows = async (
  tx: SqlRunner,
  kind: IndexKind,
  ids: readonly string[],
  locale?: string,
): Promise<Map<string, Comparable>> => {
  const { rows } = await tx.query(kind === 'products' ? PRODUCT_SQL : CONTENT_SQL, [ids, locale ?? null]);
  const view = kind === 'products' ? productView : contentView;
  return new Map(rows.map((r) => [keyOf(r.id, r.locale), view(r)]));
};

/** JSON with object keys sorted (jsonb keeps its own key order). */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** Fields whose values differ. */
export const differingFields = (expected: Comparable, actual: Comparable): string[] =>
  Object.keys(expected).filter((k) => canonical(expected[k]) !== canonical(actual[k]));
