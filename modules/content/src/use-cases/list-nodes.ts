import { type ContentContext, inTenant } from '../context.js';
import { loadTagIds, loadTranslations, type NodeRow, toNode } from '../node-store.js';
import { type ContentNode, ListNodesQuery, type Paged } from '../schemas.js';
import { assertLocale, loadSettings } from '../settings.js';
import { parseInput } from '../validate.js';

export type NodeFilter = Omit<ListNodesQuery, 'limit' | 'cursor'>;

/** WHERE clauses of the filters (the tenant is never among them: row-level security scopes the query). */
const whereOf = (filter: NodeFilter, publishedOnly: boolean, cursor: string | undefined) => {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(sql(`$${params.length}`));
  };
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
  if (cursor) add((p) => `n.id < ${p}`, cursor);
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
};

/**
 * GET /content/nodes: newest first, keyset-paginated by id (stable under inserts). Callers without
 * content.nodes.read see published nodes only.
 */
export const listNodes = (ctx: ContentContext, raw: Partial<ListNodesQuery>): Promise<Paged<ContentNode>> =>
  inTenant(ctx, async (w) => {
    const query = parseInput(ListNodesQuery, { limit: 20, ...raw });
    const settings = await loadSettings(w.tx);
    if (query.locale !== undefined) assertLocale(settings, query.locale);
    const { where, params } = whereOf(query, !w.actor.can('content.nodes.read'), query.cursor);
    const { rows } = await w.tx.query<NodeRow>(
      `SELECT n.id, n.kind, n.parent_id, n.author_id, n.category_id, n.status, n.position, n.depth, n.reply_count, n.metadata,
              n.publish_at, n.published_at, n.revision, n.created_at, n.updated_at
         FROM content_nodes n ${where} ORDER BY n.id DESC LIMIT ${query.limit + 1}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const ids = page.map((r) => r.id);
    const [translations, tags] = [await loadTranslations(w.tx, ids), await loadTagIds(w.tx, ids)];
    const view = { ...(query.locale ? { locale: query.locale } : {}), withBody: false };
    return {
      items: page.map((row) => toNode(row, translations.get(row.id) ?? [], tags.get(row.id) ?? [], settings, view)),
      nextCursor: rows.length > query.limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  });
