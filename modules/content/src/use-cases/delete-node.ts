import { type ContentContext, type ContentTx, inTenant, requirePermission } from '../context.js';
import { NODE_EVENT } from '../events.js';

import { loadNode } from '../node-store.js';

/** Deletes a node (and its subtree) inside the caller's transaction (no permission check). */
export const deleteNodeInTx = async (w: ContentTx, id: string): Promise<void> => {
  const node = await loadNode(w.tx, id, true);
  await w.tx.query('DELETE FROM content_nodes WHERE id = $1', [id]);
  if (node.parent_id) {
    await w.tx.query('UPDATE content_nodes SET reply_count = greatest(reply_count - 1, 0) WHERE id = $1', [node.parent_id]);
  }
  await w.publish(NODE_EVENT.deleted, { nodeId: id, kind: node.kind });
};

/** DELETE /content/nodes/{id}: the node, its translations, tags, revisions and child nodes. */
export const deleteNode = (ctx: ContentContext, id: string): Promise<void> =>
  inTenant(ctx, async (w) => {
    await loadNode(w.tx, id, true);
    requirePermission(w.actor, 'content.nodes.delete');
    await deleteNodeInTx(w, id);
  });
