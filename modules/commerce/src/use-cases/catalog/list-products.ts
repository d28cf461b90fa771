import { parseInput } from '@rustok/kernel';

import { productViews } from '../../catalog/product-read.js';

import { PRODUCT_COLUMNS, type ProductRow } from '../../catalog/product-store.js';

import { assertLocales } from '../../catalog/validate.js';

import { type CommerceContext, inTenant } from '../../context.js';
import { ListProductsQuery } from '../../schemas/catalog.js';

import type { Paged, ProductView } from '../../schemas/catalog-views.js';

import { loadCommerceSettings, settingsFirst } from '../../settings.js';

import { publishedOnly, stockShownTo } from './access.js';

const likePattern = (q: string): string => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** WHERE clauses of the filters (never the tenant: row-level security scopes the query). */
const whereOf = (query: ListProductsQuery, onlyPublished: boolean) => {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
  if (onlyPublished) add((p) => `p.status = ${p}`, 'published');
  if (query.status) add((p) => `p.status = ${p}`, query.status);
  if (query.category) add((p) => `${p} = ANY(p.categories)`, query.category);
  if (query.tag) add((p) => `${p} = ANY(p.tags)`, query.tag);
  if (query.q) {
    add(
      (p) => `(p.title ILIKE ${p} OR p.handle ILIKE ${p}
        OR EXISTS (SELECT 1 FROM commerce_product_translations t WHERE t.product_id = p.id AND t.title ILIKE ${p}))`,
      likePattern(query.q),
    );
  }
  if (query.cursor) add((p) => `p.id < ${p}`, query.cursor);
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
};

/**
 * GET /commerce/products: newest first, keyset-paginated by id, filtered by status, text (title,
 * translated title, handle), category and tag. Without commerce.products.read: published only.
 */
export const listProducts = (ctx: CommerceContext, raw: Partial<ListProductsQuery>): Promise<Paged<ProductView>> =>
  inTenant(
    ctx,
    async (w) => {
      const query = parseInput(ListProductsQuery, { limit: 20, ...raw });
      const settings = await loadCommerceSettings(w.tx);
      if (query.locale !== undefined) assertLocales(settings, [query.locale], '/locale');
      const { where, params } = whereOf(query, publishedOnly(w.actor));
      const { rows } = await w.tx.query<ProductRow>(
        `SELECT ${PRODUCT_COLUMNS} FROM commerce_products p ${where} ORDER BY p.id DESC LIMIT ${query.limit + 1}`,
        params,
      );
      const page = rows.slice(0, query.limit);
      return {
        items: (await productViews(w.tx, page, settings, query.locale)).map((p) => stockShownTo(w.actor, settings.exposeStock, p)),
        nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
      };
    },
    { ...settingsFirst, reads: true },
  );
