import type { SqlRunner } from '@rustok/kernel';
import { type ApplyMeta, DELETED_VERSION } from './common.js';
import type { ContentRow } from './content-project.js';

const COLUMNS = `node_id, locale, text_locale, status, kind, title, slug, excerpt, body_preview, body_html, author_id, author_name,
  category_id, category_name, category_slug, tags, tag_names, parent_id, reply_count, seo_title, seo_description,
  published_at, source_version, event_occurred_at, search_vector, indexed_at`;

const UPDATES = COLUMNS.split(',')
  .map((c) => c.trim())
  .filter((c) => c !== 'node_id' && c !== 'locale')
  .map((c) => `${c} = EXCLUDED.${c}`)
  .join(', ');

/**
 * Writes a published row unless the row holds a newer revision. Equal revisions are written: the
 * reply count, category and author names change without a new revision, and the item lock makes the
 * later writer the one that read the newer state.
 */
const UPSERT_SQL = `
INSERT INTO index_content AS x (${COLUMNS})
VALUES ($1, $2, $3, 'published', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23,
  setweight(to_tsvector($24::regconfig, $5), 'A') || setweight(to_tsvector($24::regconfig, $25), 'B')
  || setweight(to_tsvector($24::regconfig, $26), 'C') || setweight(to_tsvector($24::regconfig, $27), 'D'),
  clock_timestamp())
ON CONFLICT (tenant_id, node_id, locale) DO UPDATE SET ${UPDATES}
WHERE x.source_version <= EXCLUDED.source_version`;

export const upsertContentRow = async (tx: SqlRunner, row: ContentRow, meta: ApplyMeta): Promise<void> => {
  await tx.query(UPSERT_SQL, [
    row.nodeId,
    row.locale,
    row.textLocale,
    row.kind,
    row.title,
    row.slug,
    row.excerpt,
    row.bodyPreview,
    row.bodyHtml,
    row.authorId,
    row.authorName,
    row.categoryId,
    row.categoryName,
    row.categorySlug,
    row.tags,
    row.tagNames,
    row.parentId,
    row.replyCount,
    row.seoTitle,
    row.seoDescription,
    row.publishedAt,
    row.sourceVersion,
    meta.occurredAt,
    row.searchConfig,
    row.searchB,
    row.searchC,
    row.searchD,
  ]);
};

/** Takes a node's rows (but the `keep` locales) out of the storefront, unless a row holds a newer revision. */
export const tombstoneNode = async (
  tx: SqlRunner,
  nodeId: string,
  status: 'draft' | 'scheduled' | 'archived' | 'deleted',
  revision: number,
  meta: ApplyMeta,
  keep: readonly string[] = [],
): Promise<void> => {
  await tx.query(
    `UPDATE index_content SET status = $2, source_version = $3, event_occurred_at = $4, indexed_at = clock_timestamp()
      WHERE node_id = $1 AND NOT (locale = ANY($5::text[])) AND source_version <= $3`,
    [nodeId, status, revision, meta.occurredAt, keep],
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
