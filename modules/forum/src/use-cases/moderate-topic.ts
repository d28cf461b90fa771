import { inTenant, requirePermission } from '@rustok/api';
import { type ContentNode, mergeMetadataInTx, readNodeInTx } from '@rustok/content/kit';
import { asContent, type ForumContext, loadTopicInTx, MODERATE_RIGHTS } from '../context.js';

export type TopicFlags = { readonly pinned: boolean } | { readonly locked: boolean };

/** POST /forum/topics/{id}/pin | lock: sets the flag in metadata, with a revision and content.node.updated. */
export const setTopicFlag = (ctx: ForumContext, id: string, flags: TopicFlags): Promise<ContentNode> =>
  inTenant(asContent(ctx, MODERATE_RIGHTS), async (w) => {
    requirePermission(w.actor, 'content.nodes.update');
    await loadTopicInTx(w, id, true);
    await mergeMetadataInTx(w, id, flags, true);
    return readNodeInTx(w, id);
  });
