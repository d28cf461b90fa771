import { parseInput } from '@rustok/kernel';

import { Type } from '@sinclair/typebox';

import { type ContentContext, inTenant } from '../context.js';
import { encodeCursor, type MetadataOrder, orderSql } from '../node-order.js';

import { loadTagIds, loadTranslations, type NodeRow, toNode } from '../node-store.js';

import { type ContentNode, ListNodesQuery, type Paged } from '../schemas.js';

import { assertLocale, loadSettings } from '../settings.js';

export type NodeFilter = Omit<ListNodesQuery, 'limit' | 'cursor'>;

/** With a metadata order the cursor is opaque (sort values and id), not a node id. */
const OrderedQuery = Type.Object(
  { ...ListNodesQuery.properties, cursor: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength: 1000 })) },
  { additionalProperties: false },
);

/** WHERE clauses of the filters (the tenant is never among them: row-level security scopes the query). */
const filtersOf = (filter: NodeFilter, publishedOnly: boolean, param: (value: unknown) => string): string[] => {
  const clauses: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => clauses.push(sql(param(value)));
  if (filter.kind) add((p) => `n.kind = ${p}`, filter.kind);
  if (publishedOnly) add((p) => `n.status = ${p}`, 'published');
  else if (filter.status) add((p) => `n.status = ${p}`, filter.status);
  if (filter.category) add((p) => `n.category_id = ${p}`, filter.category);
  if (filter.author) add((p) => `n.author_id = ${p}`, filter.author);
  if (filter.parent) add((p) => `n.parent_id = ${p}`, filter.parent);
  if (filter.tag) add((p) => `EXISTS (SELECT 1 FROM content_node_tags nt WHERE nt.node_id = n.id AND nt.tag_id = ${p})`, filter.tag);
  if (filter.locale) {
    add((p) => `EXISTS (SELECT 1 FROM content_translations t WHERE t.node_id = n.id AND t.locale = ${p})`, filter.locale);
  }
  return clauses;
};

/** The SQL of one page: filters, order and keyset condition (by id, or by the metadata order then id). */
const pageSql = (query: ListNodesQuery, publishedOnly: boolean, order: readonly MetadataOrder[]) => {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const clauses = filtersOf(query, publishedOnly, param);
  const sort = order.length > 0 ? orderSql(order, query.cursor, param) : undefined;
  if (sort?.after) clauses.push(sort.after);
  else if (!sort && query.cursor) clauses.push(`n.id < ${param(query.cursor)}`);
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const sql = `SELECT n.id, n.kind, n.parent_id, n.author_id, n.category_id, n.status, n.position, n.depth, n.reply_count, n.metadata,
              n.publish_at, n.published_at, n.revision, n.created_at, n.updated_at${sort?.select ?? ''}
         FROM content_nodes n ${where} ORDER BY ${sort?.orderBy ?? 'n.id DESC'} LIMIT ${query.limit + 1}`;
  return { sql, params };
};

const cursorAfter = (row: NodeRow, order: readonly MetadataOrder[]): string =>
  order.length === 0
    ? row.id
    : encodeCursor(
        order.map((_, i) => row[`sort_${i}`] as boolean | string),
        row.id,
      );

/**
 * GET /content/nodes: newest first, keyset-paginated by id (stable under inserts); or, with an
 * `order` (such as a forum's pinned topics first, then by last activity), by those metadata keys
 * and then the id, with an opaque cursor. Callers without content.nodes.read see published nodes only.
 * Read-only, on a replica where there is one (the client that just wrote reads the primary).
 */
export const listNodes = (
  ctx: ContentContext,
  raw: Partial<ListNodesQuery>,
  order: readonly MetadataOrder[] = [],
  /** Each node's body too (short nodes whose body is the point, e.g. comments); lists leave it out by default. */
  withBody = false,
): Promise<Paged<ContentNode>> =>
  inTenant(
    ctx,
    async (w) => {
      const query = parseInput(order.length > 0 ? OrderedQuery : ListNodesQuery, { limit: 20, ...raw }) as ListNodesQuery;
      const settings = await loadSettings(w.tx);
      if (query.locale !== undefined) assertLocale(settings, query.locale);
      const { sql, params } = pageSql(query, !w.actor.can('content.nodes.read'), order);
      const { rows } = await w.tx.query<NodeRow>(sql, params);
      const page = rows.slice(0, query.limit);
      const ids = page.map((r) => r.id);
      const [translations, tags] = [await loadTranslations(w.tx, ids), await loadTagIds(w.tx, ids)];
      const view = { ...(query.locale ? { locale: query.locale } : {}), withBody };
      const last = page[page.length - 1];
      return {
        items: page.map((row) => toNode(row, translations.get(row.id) ?? [], tags.get(row.id) ?? [], settings, view)),
        nextCursor: rows.length > query.limit && last ? cursorAfter(last, order) : null,
      };
    },
    { reads: true },
  );
