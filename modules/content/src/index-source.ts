import { preparedSql } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import { type ContentSettings, loadSettings } from './settings.js';
import type { NodeStatus } from './status.js';

/** One translation of a node as a read model needs it (the body as sanitized HTML). */
export interface NodeIndexText {
  readonly locale: string;
  readonly title: string;
  readonly slug: string;
  readonly excerpt: string | null;
  readonly bodyHtml: string;
}

export interface NodeIndexTag {
  readonly slug: string;
  readonly name: string;
}

/**
 * Everything a read model needs to show one node, read from the write model in one statement.
 * `revision` grows with every change of the node itself; `replyCount`, the category's name and the
 * author's name change without it.
 */
export interface NodeIndexSource {
  readonly id: string;
  readonly kind: string;
  readonly status: NodeStatus;
  readonly parentId: string | null;
  readonly authorId: string | null;
  readonly authorName: string | null;
  readonly category: { readonly id: string; readonly name: string; readonly slug: string } | null;
  readonly tags: readonly NodeIndexTag[];
  readonly replyCount: number;
  /** `metadata.seoTitle` / `metadata.seoDescription` when they are strings. */
  readonly seoTitle: string | null;
  readonly seoDescription: string | null;
  readonly revision: number;
  readonly publishedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly texts: readonly NodeIndexText[];
}

interface SourceRow {
  id: string;
  kind: string;
  status: NodeStatus;
  parent_id: string | null;
  author_id: string | null;
  author_name: string | null;
  category_id: string | null;
  category_name: string | null;
  category_slug: string | null;
  reply_count: number;
  metadata: Record<string, unknown>;
  revision: number;
  published_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  tags: NodeIndexTag[];
  texts: NodeIndexText[];
  [key: string]: unknown;
}

const SOURCE_SQL = `
SELECT n.id, n.kind, n.status, n.parent_id, n.author_id, n.reply_count, n.metadata, n.revision,
       n.published_at, n.created_at, n.updated_at,
       (SELECT u.name FROM users u WHERE u.id = n.author_id) AS author_name,
       c.id AS category_id, c.name AS category_name, c.slug AS category_slug,
       (SELECT coalesce(json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY t.slug), '[]'::json)
          FROM content_node_tags nt JOIN content_tags t ON t.id = nt.tag_id WHERE nt.node_id = n.id) AS tags,
       (SELECT coalesce(json_agg(json_build_object('locale', tr.locale, 'title', tr.title, 'slug', tr.slug,
                                                   'excerpt', tr.excerpt, 'bodyHtml', tr.body_html) ORDER BY tr.locale), '[]'::json)
          FROM content_translations tr WHERE tr.node_id = n.id) AS texts
  FROM content_nodes n LEFT JOIN content_categories c ON c.id = n.category_id
 WHERE n.id = ANY($1::uuid[])`;

/** Planned once per connection (PostgreSQL): read models call it for every node event. */
const SOURCE_PREPARED = preparedSql('content_node_index_source', SOURCE_SQL);

const iso = (v: Date | string): string => new Date(v).toISOString();
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

const toSource = (r: SourceRow): NodeIndexSource => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  parentId: r.parent_id,
  authorId: r.author_id,
  authorName: r.author_name,
  category:
    r.category_id && r.category_name && r.category_slug ? { id: r.category_id, name: r.category_name, slug: r.category_slug } : null,
  tags: r.tags,
  replyCount: r.reply_count,
  seoTitle: text(r.metadata?.seoTitle),
  seoDescription: text(r.metadata?.seoDescription),
  revision: r.revision,
  publishedAt: r.published_at === null ? null : iso(r.published_at),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  texts: r.texts,
});

/** The index sources of the given nodes that exist (run inside the tenant's transaction), by id. */
export const loadNodeIndexSources = async (tx: SqlRunner, nodeIds: readonly string[]): Promise<Map<string, NodeIndexSource>> => {
  const out = new Map<string, NodeIndexSource>();
  if (nodeIds.length === 0) return out;
  const { rows } = await tx.query<SourceRow>(SOURCE_PREPARED, [nodeIds]);
  for (const row of rows) out.set(row.id, toSource(row));
  return out;
};

/** The index source of one node, or null when it does not exist (deleted, or another tenant's). */
export const loadNodeIndexSource = async (tx: SqlRunner, nodeId: string): Promise<NodeIndexSource | null> =>
  (await loadNodeIndexSources(tx, [nodeId])).get(nodeId) ?? null;

/** Ids of the tenant's nodes after `after` (id order), at most `limit`: batches for rebuilding a read model. */
export const listNodeIdsForIndex = async (tx: SqlRunner, after: string | null, limit: number): Promise<string[]> => {
  const { rows } = await tx.query<{ id: string }>(
    'SELECT id FROM content_nodes WHERE ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2',
    [after, limit],
  );
  return rows.map((r) => r.id);
};

/** The tenant's content locales (default and supported), as the content module uses them. */
export const loadContentLocales = (tx: SqlRunner): Promise<ContentSettings> => loadSettings(tx);

/** How many nodes the tenant has (the total of a rebuild's progress). */
export const countNodesForIndex = async (tx: SqlRunner): Promise<number> => {
  const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM content_nodes');
  return rows[0]?.n ?? 0;
};
