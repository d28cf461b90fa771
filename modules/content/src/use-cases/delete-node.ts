import { type ContentContext, inTenant, requirePermission } from '../context.js';
import { NODE_EVENT } from '../events.js';
import { loadNode } from '../node-store.js';

/** DELETE /content/nodes/{id}: the node, its translations, tags, revisions and child nodes. */
export const deleteNode = (ctx: ContentContext, id: string): Promise<void> =>
  inTenant(ctx, async (w) => {
    const node = await loadNode(w.tx, id, true);
    requirePermission(w.actor, 'content.nodes.delete');
    await w.tx.query('DELETE FROM content_nodes WHERE id = $1', [id]);
    if (node.parent_id) {
      await w.tx.query('UPDATE content_nodes SET reply_count = greatest(reply_count - 1, 0) WHERE id = $1', [node.parent_id]);
    }
    await w.publish(NODE_EVENT.deleted, { nodeId: id, kind: node.kind });
  });
