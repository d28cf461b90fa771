import { preparedSql } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import { toMinor } from '../money.js';
import type { ProductTextView, ProductView, VariantView } from '../schemas/catalog-views.js';
import type { CommerceSettings } from '../settings.js';
import { iso } from '../time.js';
import { productNotFound } from './errors.js';
import { PRODUCT_COLUMNS, PRODUCT_TEXTS, type ProductRow } from './product-store.js';
import { loadVariantViews } from './variant-view.js';

type Texts = Record<string, ProductTextView>;

const TRANSLATIONS_SQL = preparedSql(
  'commerce_product_translations',
  `SELECT product_id, locale, title, subtitle, description FROM commerce_product_translations
    WHERE product_id = ANY($1::uuid[]) ORDER BY locale`,
);

const loadTranslations = async (tx: SqlRunner, productIds: readonly string[]): Promise<Map<string, Texts>> => {
  const { rows } = await tx.query<{
    product_id: string;
    locale: string;
    title: string;
    subtitle: string | null;
    description: string | null;
  }>(TRANSLATIONS_SQL, [productIds]);
  const out = new Map<string, Texts>();
  for (const r of rows) {
    const texts = out.get(r.product_id) ?? {};
    texts[r.locale] = { title: r.title, subtitle: r.subtitle, description: r.description };
    out.set(r.product_id, texts);
  }
  return out;
};

/** The locales to look texts up in: the requested one, then the tenant's default. */
export const localeChain = (settings: CommerceSettings, locale?: string): string[] =>
  locale && locale !== settings.defaultLocale ? [locale, settings.defaultLocale] : [settings.defaultLocale];

const toView = (r: ProductRow, texts: Texts, variants: VariantView[], chain: readonly string[]): ProductView => {
  const picked = chain.find((l) => texts[l] !== undefined);
  const own = picked ? texts[picked] : undefined;
  return {
    id: r.id,
    handle: r.handle,
    locale: picked ?? chain[chain.length - 1] ?? 'en',
    title: own?.title ?? r.title,
    subtitle: own ? own.subtitle : r.subtitle,
    description: own ? own.description : r.description,
    richDescription: r.rich_description ?? null,
    status: r.status,
    discountable: r.discountable,
    seoTitle: r.seo_title,
    seoDescription: r.seo_description,
    categories: r.categories,
    tags: r.tags,
    images: r.images,
    metadata: r.metadata,
    version: toMinor(r.version),
    publishedAt: r.published_at === null ? null : iso(r.published_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    variants,
    translations: texts,
  };
};

/**
 * Products in full (variants with prices and stock, translations), in the order of `rows`. Texts
 * come from the requested locale's translation, else the default locale's, else the base texts.
 */
export const productViews = async (
  tx: SqlRunner,
  rows: readonly ProductRow[],
  settings: CommerceSettings,
  locale?: string,
): Promise<ProductView[]> => {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const chain = localeChain(settings, locale);
  const texts = rows.every((r) => r.texts !== undefined)
    ? new Map(rows.map((r) => [r.id, r.texts ?? {}]))
    : await loadTranslations(tx, ids);
  const variants = await loadVariantViews(tx, { productIds: ids }, chain);
  return rows.map((r) => toView(r, texts.get(r.id) ?? {}, variants.get(r.id) ?? [], chain));
};

/** The full view of a product row just read or written. */
export const viewOfRow = async (tx: SqlRunner, row: ProductRow, settings: CommerceSettings, locale?: string): Promise<ProductView> => {
  const [view] = await productViews(tx, [row], settings, locale);
  if (!view) throw productNotFound(row.id);
  return view;
};

const READ_SQL = preparedSql(
  'commerce_read_product',
  `SELECT ${PRODUCT_COLUMNS}, ${PRODUCT_TEXTS} FROM commerce_products p WHERE p.id = $1`,
);

/** One product in full; 404 COMMERCE_PRODUCT_NOT_FOUND when absent or when `publishedOnly` hides it. */
export const readProduct = async (
  tx: SqlRunner,
  id: string,
  settings: CommerceSettings,
  options: { locale?: string | undefined; publishedOnly?: boolean } = {},
): Promise<ProductView> => {
  const { rows } = await tx.query<ProductRow>(READ_SQL, [id]);
  const row = rows[0];
  if (!row || (options.publishedOnly && row.status !== 'published')) throw productNotFound(id);
  return viewOfRow(tx, row, settings, options.locale);
};
