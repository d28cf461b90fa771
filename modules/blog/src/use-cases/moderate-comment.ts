import { inTenant, requirePermission } from '@rustok/api';
import {
  type ContentNode,
  type ContentTx,
  loadNodeInTx,
  mergeMetadataInTx,
  type NodeStatus,
  readNodeInTx,
  transitionInTx,
} from '@rustok/content/kit';
import { type AppError, parseInput } from '@rustok/kernel';
import { absentAsNull, asContent, type BlogContext, COMMENT_RIGHTS, loadPostInTx } from '../context.js';
import { blogErrors } from '../errors.js';
import { BLOG_EVENT, type CommentModeratedPayload, type ModerationStatus } from '../events.js';

import { ModerateInput } from '../schemas.js';

const commentNotFound = (id: string): AppError => blogErrors.BLOG_COMMENT_NOT_FOUND(`No comment ${id} on this post`);

/** Approved comments are published; pending and rejected ones are not shown to readers. */
const moveStatus = async (w: ContentTx, id: string, from: NodeStatus, moderation: ModerationStatus): Promise<void> => {
  if (moderation === 'approved' && from !== 'published') {
    if (from === 'archived') await transitionInTx(w, id, { to: 'draft' });
    await transitionInTx(w, id, { to: 'published' });
  } else if (moderation !== 'approved' && from === 'published') {
    await transitionInTx(w, id, { to: 'archived' });
  }
};

const moderationOf = (metadata: Record<string, unknown>): ModerationStatus =>
  metadata.moderation === 'approved' || metadata.moderation === 'rejected' ? metadata.moderation : 'pending';

/**
 * POST /blog/posts/{id}/comments/{commentId}/moderate { status } (blog.comments.moderate): the
 * comment's moderation state and node status change, and blog.comment.moderated goes to the
 * outbox, in one transaction.
 */
export const moderateComment = (ctx: BlogContext, postId: string, commentId: string, status: ModerationStatus): Promise<ContentNode> =>
  inTenant(asContent(ctx, COMMENT_RIGHTS), async (w) => {
    requirePermission(w.actor, 'content.nodes.update');
    const { status: to } = parseInput(ModerateInput, { status });
    await loadPostInTx(w, postId);
    const comment = await loadNodeInTx(w, commentId, true).catch(absentAsNull);
    if (comment?.kind !== 'comment' || comment.parentId !== postId) throw commentNotFound(commentId);
    await mergeMetadataInTx(w, commentId, { moderation: to }, true);
    await moveStatus(w, commentId, comment.status, to);
    const payload: CommentModeratedPayload = { commentId, postId, from: moderationOf(comment.metadata), to, moderatorId: w.actor.userId };
    await w.publish(BLOG_EVENT.commentModerated, payload);
    return readNodeInTx(w, commentId);
  });
