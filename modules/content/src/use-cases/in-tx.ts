import type { ContentTx } from '../context.js';
import { NODE_EVENT } from '../events.js';
import { loadNode, readNode, recordChange } from '../node-store.js';
import type { ContentNode } from '../schemas.js';
import { loadSettings } from '../settings.js';
import type { NodeStatus } from '../status.js';

/** The node-level fields of a node, read inside a wrapper's transaction (no permission check). */
export interface NodeHead {
  readonly id: string;
  readonly kind: string;
  readonly parentId: string | null;
  readonly authorId: string | null;
  readonly status: NodeStatus;
  readonly replyCount: number;
  readonly metadata: Record<string, unknown>;
}

/**
 * For wrapper modules (blog, forum): the node's head inside their transaction, row-locked when
 * asked; 404 CONTENT_NODE_NOT_FOUND when absent (another tenant's node is simply not there).
 */
export const loadNodeInTx = async (w: ContentTx, id: string, forUpdate = false): Promise<NodeHead> => {
  const row = await loadNode(w.tx, id, forUpdate);
  return {
    id: row.id,
    kind: row.kind,
    parentId: row.parent_id,
    authorId: row.author_id,
    status: row.status,
    replyCount: row.reply_count,
    metadata: row.metadata,
  };
};

/** One node in full, in the caller's transaction (requested locale → tenant default → any). */
export const readNodeInTx = async (w: ContentTx, id: string, locale?: string): Promise<ContentNode> =>
  readNode(w.tx, id, await loadSettings(w.tx), locale);

/**
 * Merges keys into a node's metadata (`metadata || patch`) in the caller's transaction. With
 * `record`, a revision is kept and `content.node.updated` published; without (the default), it is
 * bookkeeping (such as a forum topic's last activity) that is not part of the node's history.
 */
export const mergeMetadataInTx = async (w: ContentTx, id: string, patch: Record<string, unknown>, record = false): Promise<void> => {
  await w.tx.query('UPDATE content_nodes SET metadata = metadata || $2::jsonb WHERE id = $1', [id, JSON.stringify(patch)]);
  if (record)
    await recordChange(
      w,
      id,
      'updated',
      NODE_EVENT.updated,
      Object.keys(patch).map((k) => `metadata.${k}`),
    );
};
