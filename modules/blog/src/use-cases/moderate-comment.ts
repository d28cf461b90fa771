import {
  type ContentNode,
  type ContentTx,
  inTenant,
  loadNodeInTx,
  mergeMetadataInTx,
  type NodeStatus,
  readNodeInTx,
  requirePermission,
  transitionInTx,
} from '@rustok/content';
import { AppError } from '@rustok/kernel';
import { absentAsNull, asContent, type BlogContext, COMMENT_RIGHTS, loadPostInTx } from '../context.js';
import type { ModerationStatus } from '../events.js';

const commentNotFound = (id: string): AppError =>
  new AppError('BLOG_COMMENT_NOT_FOUND', `No comment ${id} on this post`, { status: 404, title: 'Not found' });

/** Approved comments are published; pending and rejected ones are not shown to readers. */
const moveStatus = async (w: ContentTx, id: string, from: NodeStatus, moderation: ModerationStatus): Promise<void> => {
  if (moderation === 'approved' && from !== 'published') {
    if (from === 'archived') await transitionInTx(w, id, { to: 'draft' });
    await transitionInTx(w, id, { to: 'published' });
  } else if (moderation !== 'approved' && from === 'published') {
    await transitionInTx(w, id, { to: 'archived' });
  }
};

/** POST /blog/posts/{id}/comments/{commentId}/moderate { status } (blog.comments.moderate). */
export const moderateComment = (ctx: BlogContext, postId: string, commentId: string, status: ModerationStatus): Promise<ContentNode> =>
  inTenant(asContent(ctx, COMMENT_RIGHTS), async (w) => {
    requirePermission(w.actor, 'content.nodes.update');
    await loadPostInTx(w, postId);
    const comment = await loadNodeInTx(w, commentId, true).catch(absentAsNull);
    if (comment?.kind !== 'comment' || comment.parentId !== postId) throw commentNotFound(commentId);
    await mergeMetadataInTx(w, commentId, { moderation: status }, true);
    await moveStatus(w, commentId, comment.status, status);
    return readNodeInTx(w, commentId);
  });
