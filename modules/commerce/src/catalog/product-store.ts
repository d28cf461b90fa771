import { preparedSql } from '@rustok/db';
import { generateId } from '@rustok/kernel';
import type { CommerceTx } from '../context.js';
import { COMMERCE_EVENT, type ProductEventPayload } from '../events.js';
import { toMinor } from '../money.js';
import type { CreateProductInput, ProductTranslationInput, UpdateProductInput } from '../schemas/catalog.js';
import { productNotFound } from './errors.js';

export type ProductStatus = 'draft' | 'published' | 'archived';

export interface ProductRow {
  id: string;
  handle: string;
  title: string;
  subtitle: string | null;
  description: string | null;
  rich_description: unknown;
  status: ProductStatus;
  discountable: boolean;
  seo_title: string | null;
  seo_description: string | null;
  categories: string[];
  tags: string[];
  images: { url: string; alt: string | null; mediaId?: string }[];
  metadata: Record<string, unknown>;
  version: unknown;
  published_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  /** The translations by locale, when the statement read them with the row (PRODUCT_TEXTS). */
  texts?: Record<string, { title: string; subtitle: string | null; description: string | null }>;
  [key: string]: unknown;
}

export const PRODUCT_COLUMNS = `p.id, p.handle, p.title, p.subtitle, p.description, p.rich_description, p.status, p.discountable,
  p.seo_title, p.seo_description, p.categories, p.tags, p.images, p.metadata, p.version, p.published_at, p.created_at, p.updated_at`;

/** The product's translations as one column (`texts`), so that a full view needs no statement for them. */
export const PRODUCT_TEXTS = `(SELECT coalesce(json_object_agg(t.locale, json_build_object('title', t.title, 'subtitle', t.subtitle,
    'description', t.description) ORDER BY t.locale), '{}') FROM commerce_product_translations t WHERE t.product_id = p.id) AS texts`;

/** The product row, locked for the rest of the transaction when asked; 404 when absent. */
const LOAD_SQL = `SELECT ${PRODUCT_COLUMNS} FROM commerce_products p WHERE p.id = $1`;
const LOAD = preparedSql('commerce_load_product', LOAD_SQL);
const LOAD_FOR_UPDATE = preparedSql('commerce_load_product_locked', `${LOAD_SQL} FOR UPDATE`);

export const loadProduct = async (w: CommerceTx, id: string, forUpdate = false): Promise<ProductRow> => {
  const { rows } = await w.tx.query<ProductRow>(forUpdate ? LOAD_FOR_UPDATE : LOAD, [id]);
  const row = rows[0];
  if (!row) throw productNotFound(id);
  return row;
};

type Image = NonNullable<CreateProductInput['images']>[number];
/** Images as stored; a media image has been resolved to its URL before (`resolveProductImages`). */
const imagesOf = (images: readonly Image[]) =>
  images.map((i) =>
    typeof i === 'string' ? { url: i, alt: null } : { url: i.url ?? '', alt: i.alt ?? null, ...(i.mediaId ? { mediaId: i.mediaId } : {}) },
  );

/** Column ← value of every product field present in the input (explicit nulls included). */
export const productColumns = (input: UpdateProductInput): Record<string, unknown> => {
  const json = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));
  const cols: Record<string, unknown> = {
    handle: input.handle,
    title: input.title,
    subtitle: input.subtitle,
    description: input.description,
    rich_description: input.richDescription === null ? null : json(input.richDescription),
    discountable: input.discountable,
    seo_title: input.seoTitle,
    seo_description: input.seoDescription,
    categories: input.categories,
    tags: input.tags,
    images: input.images === undefined ? undefined : JSON.stringify(imagesOf(input.images)),
    metadata: json(input.metadata),
  };
  return Object.fromEntries(Object.entries(cols).filter(([, v]) => v !== undefined));
};

export const insertProduct = async (w: CommerceTx, input: CreateProductInput, handle: string): Promise<string> => {
  const id = generateId();
  const cols = { ...productColumns(input), handle, status: input.status ?? 'draft' };
  const names = Object.keys(cols);
  await w.tx.query(
    `INSERT INTO commerce_products (id, ${names.join(', ')}, published_at)
     VALUES ($1, ${names.map((_, i) => `$${i + 2}`).join(', ')}, ${cols.status === 'published' ? 'now()' : 'NULL'})`,
    [id, ...Object.values(cols)],
  );
  return id;
};

/** Creates, replaces or (null) removes translations of a product. */
export const writeProductTranslations = async (
  w: CommerceTx,
  productId: string,
  translations: Readonly<Record<string, ProductTranslationInput | null>>,
): Promise<void> => {
  for (const [locale, t] of Object.entries(translations)) {
    if (t === null) {
      await w.tx.query('DELETE FROM commerce_product_translations WHERE product_id = $1 AND locale = $2', [productId, locale]);
      continue;
    }
    await w.tx.query(
      `INSERT INTO commerce_product_translations (product_id, locale, title, subtitle, description) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, product_id, locale) DO UPDATE SET title = $3, subtitle = $4, description = $5`,
      [productId, locale, t.title, t.subtitle ?? null, t.description ?? null],
    );
  }
};

/** Publishes the product event of a change, carrying the version the change left. */
const publishProductEvent = async (
  w: CommerceTx,
  row: { handle: string; status: ProductStatus; version: unknown },
  productId: string,
  type: string,
  changes: readonly string[],
): Promise<number> => {
  const version = toMinor(row.version);
  const payload: ProductEventPayload = { productId, handle: row.handle, status: row.status, version, changes: changes.slice(0, 50) };
  await w.publish(type, payload);
  return version;
};

/**
 * Records a committed change of a product: version + 1 and `updated_at` (unless `bump` is false, as
 * on create), then the product event carrying the new version, in the same transaction.
 */
export const touchProduct = async (
  w: CommerceTx,
  productId: string,
  type: string = COMMERCE_EVENT.productUpdated,
  changes: readonly string[] = [],
  bump = true,
): Promise<number> => {
  const { rows } = await w.tx.query<{ handle: string; status: ProductStatus; version: unknown }>(
    bump
      ? 'UPDATE commerce_products SET version = version + 1, updated_at = now() WHERE id = $1 RETURNING handle, status, version'
      : 'SELECT handle, status, version FROM commerce_products WHERE id = $1',
    [productId],
  );
  const row = rows[0];
  if (!row) throw productNotFound(productId);
  return publishProductEvent(w, row, productId, type, changes);
};

/** The columns an update may set, in a fixed order: a set of them names its statement. */
const UPDATABLE = [
  'handle',
  'title',
  'subtitle',
  'description',
  'rich_description',
  'discountable',
  'seo_title',
  'seo_description',
  'categories',
  'tags',
  'images',
  'metadata',
] as const;

/**
 * The UPDATE of these columns with the version bump, as a prepared statement named by the set
 * (at most 2^12 of them, in practice a handful), so that PostgreSQL plans each once per connection.
 */
const updateStatement = (names: readonly (typeof UPDATABLE)[number][]): string => {
  const mask = names.reduce((m, n) => m | (1 << UPDATABLE.indexOf(n)), 0);
  const sets = [...names.map((n, i) => `${n} = $${i + 2}`), 'version = version + 1', 'updated_at = now()'];
  return preparedSql(
    `commerce_update_product_${mask.toString(36)}`,
    `UPDATE commerce_products p SET ${sets.join(', ')} WHERE p.id = $1 RETURNING ${PRODUCT_COLUMNS}, ${PRODUCT_TEXTS}`,
  );
};

/**
 * An update of a product's own columns (`cols`, possibly none) as one statement with the version
 * bump (see touchProduct), then its event; returns the row as it now is.
 */
export const updateAndTouchProduct = async (
  w: CommerceTx,
  productId: string,
  cols: Record<string, unknown>,
  type: string,
  changes: readonly string[],
): Promise<ProductRow> => {
  const names = UPDATABLE.filter((n) => n in cols);
  if (names.length !== Object.keys(cols).length) throw new Error(`Not updatable: ${Object.keys(cols).join(', ')}`);
  const { rows } = await w.tx.query<ProductRow>(updateStatement(names), [productId, ...names.map((n) => cols[n])]);
  const row = rows[0];
  if (!row) throw productNotFound(productId);
  await publishProductEvent(w, row, productId, type, changes);
  return row;
};
