import { type ContentContext, type ContentTx, inTenant } from '../context.js';
import { contentErrors } from '../errors.js';
import { NODE_EVENT } from '../events.js';

import { loadNode, type NodeSnapshot, readNode, recordChange } from '../node-store.js';

import type { ContentNode } from '../schemas.js';

import { loadSettings } from '../settings.js';

import { uniqueSlug } from '../slug.js';

import { writeTranslation } from '../translation-store.js';

import { assertCanEdit } from './authorize.js';

const revisionNotFound = (id: string) => contentErrors.CONTENT_REVISION_NOT_FOUND(`No revision ${id} of this node`);

/** Categories and tags deleted since the revision are left out rather than failing the restore. */
const existing = async (w: ContentTx, table: 'content_categories' | 'content_tags', ids: readonly string[]): Promise<string[]> =>
  ids.length === 0
    ? []
    : (await w.tx.query<{ id: string }>(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids])).rows.map((r) => r.id);

const applySnapshot = async (w: ContentTx, nodeId: string, snap: NodeSnapshot): Promise<void> => {
  const [category] = await existing(w, 'content_categories', snap.categoryId ? [snap.categoryId] : []);
  await w.tx.query('UPDATE content_nodes SET category_id = $2, position = $3, metadata = $4 WHERE id = $1', [
    nodeId,
    category ?? null,
    snap.position,
    JSON.stringify(snap.metadata),
  ]);
  const tags = await existing(w, 'content_tags', snap.tagIds);
  await w.tx.query('DELETE FROM content_node_tags WHERE node_id = $1', [nodeId]);
  if (tags.length > 0) await w.tx.query('INSERT INTO content_node_tags (node_id, tag_id) SELECT $1, unnest($2::uuid[])', [nodeId, tags]);
  const locales = snap.translations.map((t) => t.locale);
  await w.tx.query('DELETE FROM content_translations WHERE node_id = $1 AND NOT (locale = ANY($2::text[]))', [nodeId, locales]);
};

/**
 * POST /content/nodes/{id}/revisions/{revisionId}/restore: puts back the content of a revision
 * (translations, category, tags, position, metadata; the status stays) as a new revision.
 */
export const restoreRevision = (ctx: ContentContext, nodeId: string, revisionId: string): Promise<ContentNode> =>
  inTenant(ctx, async (w) => {
    const node = await loadNode(w.tx, nodeId, true);
    const { rows } = await w.tx.query<{ number: number; snapshot: NodeSnapshot }>(
      'SELECT number, snapshot FROM content_revisions WHERE id = $1 AND node_id = $2',
      [revisionId, nodeId],
    );
    const revision = rows[0];
    if (!revision) throw revisionNotFound(revisionId);
    assertCanEdit(w.actor, node);
    const settings = await loadSettings(w.tx);
    await applySnapshot(w, nodeId, revision.snapshot);
    for (const t of revision.snapshot.translations) {
      // Slugs are re-checked: one may have been taken by another node since.
      const free = { kind: node.kind, locale: t.locale, nodeId };
      const slug = await uniqueSlug(w.tx, free, t.slug, false);
      await writeTranslation(w, node, { ...settings, supportedLocales: [...settings.supportedLocales, t.locale] }, t.locale, {
        ...t,
        slug,
      });
    }
    await recordChange(w, nodeId, 'restored', NODE_EVENT.updated, [`restored:${revision.number}`]);
    return readNode(w.tx, nodeId, settings);
  });
