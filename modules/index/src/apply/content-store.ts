import { preparedSql } from '@rustok/db';
import type { SqlRunner } from '@rustok/kernel';
import { type ApplyMeta, DELETED_VERSION } from './common.js';
import type { ContentRow } from './content-project.js';

const RECORD = `locale text, text_locale text, kind text, title text, slug text, excerpt text, body_preview text, body_html text,
  author_id uuid, author_name text, category_id uuid, category_name text, category_slug text, tags text[], tag_names text[],
  parent_id uuid, reply_count int, seo_title text, seo_description text, published_at timestamptz, search_config text,
  search_b text, search_c text, search_d text`;

const COPIED = `text_locale, kind, title, slug, excerpt, body_preview, body_html, author_id, author_name, category_id, category_name,
  category_slug, tags, tag_names, parent_id, reply_count, seo_title, seo_description, published_at`;
const copied = COPIED.split(',').map((c) => c.trim());

const UPDATES = ['status', ...copied, 'source_version', 'event_occurred_at', 'search_vector', 'indexed_at']
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ');

const VECTOR = ['title', 'search_b', 'search_c', 'search_d']
  .map((c, i) => `setweight(to_tsvector(r.search_config::regconfig, r.${c}), '${'ABCD'[i]}')`)
  .join(' || ');

/**
 * All rows of one node in one statement: published locales upserted, the other locales (when `$5`)
 * retired. A row is written unless it holds a newer revision; equal revisions are written, since the
 * reply count, category and author names change without a new revision (the item lock makes the
 * later writer the one that read the newer state).
 */
const WRITE_SQL = `
WITH r AS (SELECT * FROM json_to_recordset($2::json) AS r(${RECORD})),
up AS (
  INSERT INTO index_content AS x (node_id, locale, status, ${COPIED}, source_version, event_occurred_at, search_vector, indexed_at)
  SELECT $1, r.locale, 'published', ${copied.map((c) => `r.${c}`).join(', ')}, $3, $4, ${VECTOR}, clock_timestamp() FROM r
  ON CONFLICT (tenant_id, node_id, locale) DO UPDATE SET ${UPDATES}
  WHERE x.source_version <= EXCLUDED.source_version
  RETURNING 1
),
gone AS (
  UPDATE index_content SET status = 'deleted', source_version = $3, event_occurred_at = $4, indexed_at = clock_timestamp()
   WHERE $5 AND node_id = $1 AND NOT (locale = ANY (ARRAY(SELECT locale FROM r))) AND source_version <= $3
  RETURNING 1
)
SELECT (SELECT count(*) FROM up)::int + (SELECT count(*) FROM gone)::int AS n`;

/** Planned once per connection (PostgreSQL). */
const WRITE_PREPARED = preparedSql('index_write_node', WRITE_SQL);

const recordOf = (row: ContentRow) => ({
  locale: row.locale,
  text_locale: row.textLocale,
  kind: row.kind,
  title: row.title,
  slug: row.slug,
  excerpt: row.excerpt,
  body_preview: row.bodyPreview,
  body_html: row.bodyHtml,
  author_id: row.authorId,
  author_name: row.authorName,
  category_id: row.categoryId,
  category_name: row.categoryName,
  category_slug: row.categorySlug,
  tags: row.tags,
  tag_names: row.tagNames,
  parent_id: row.parentId,
  reply_count: row.replyCount,
  seo_title: row.seoTitle,
  seo_description: row.seoDescription,
  published_at: row.publishedAt,
  search_config: row.searchConfig,
  search_b: row.searchB,
  search_c: row.searchC,
  search_d: row.searchD,
});

/** Writes a published node's rows (one statement); `prune` retires its rows in locales not among them. */
export const writeContentRows = async (
  tx: SqlRunner,
  nodeId: string,
  rows: readonly ContentRow[],
  revision: number,
  meta: ApplyMeta,
  prune: boolean,
): Promise<void> => {
  await tx.query(WRITE_PREPARED, [nodeId, JSON.stringify(rows.map(recordOf)), revision, meta.occurredAt, prune]);
};

/** Takes a node's rows out of the storefront as tombstones, unless a row holds a newer revision. */
export const tombstoneNode = async (
  tx: SqlRunner,
  nodeId: string,
  status: 'draft' | 'scheduled' | 'archived' | 'deleted',
  revision: number,
  meta: ApplyMeta,
): Promise<void> => {
  await tx.query(
    `UPDATE index_content SET status = $2, source_version = $3, event_occurred_at = $4, indexed_at = clock_timestamp()
      WHERE node_id = $1 AND source_version <= $3`,
    [nodeId, status, revision, meta.occurredAt],
  );
};

/** A deleted node: its rows and those of its indexed descendants become final tombstones; returns their ids. */
export const deleteNodeTree = async (tx: SqlRunner, nodeId: string, meta: ApplyMeta): Promise<string[]> => {
  const { rows } = await tx.query<{ node_id: string }>(
    `WITH RECURSIVE tree AS (
       SELECT $1::uuid AS node_id
       UNION SELECT c.node_id FROM index_content c JOIN tree ON c.parent_id = tree.node_id
     )
     UPDATE index_content x SET status = 'deleted', source_version = $2, event_occurred_at = $3, indexed_at = clock_timestamp()
       FROM tree WHERE x.node_id = tree.node_id
     RETURNING x.node_id`,
    [nodeId, DELETED_VERSION, meta.occurredAt],
  );
  return [...new Set(rows.map((r) => r.node_id))];
};

/** The parent of a node as the index knows it (the write model forgets it once the node is deleted). */
export const indexedParentOf = async (tx: SqlRunner, nodeId: string): Promise<string | null> => {
  const { rows } = await tx.query<{ parent_id: string | null }>('SELECT parent_id FROM index_content WHERE node_id = $1 LIMIT 1', [nodeId]);
  return rows[0]?.parent_id ?? null;
};

/** Nodes whose rows show a category (to refresh them when it is renamed or deleted). */
export const nodesInCategory = async (tx: SqlRunner, categoryId: string): Promise<string[]> => {
  const { rows } = await tx.query<{ node_id: string }>('SELECT DISTINCT node_id FROM index_content WHERE category_id = $1', [categoryId]);
  return rows.map((r) => r.node_id);
};
