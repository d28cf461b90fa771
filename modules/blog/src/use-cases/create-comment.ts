import { inTenant, requirePermission } from '@rustok/api';
import { type ContentNode, type ContentTx, createNodeInTx, loadNodeInTx, readNodeInTx, transitionInTx } from '@rustok/content/kit';
import { type AppError, generateId, parseInput } from '@rustok/kernel';
import { absentAsNull, asContent, type BlogContext, COMMENT_RIGHTS, loadPostInTx } from '../context.js';
import { blogErrors } from '../errors.js';
import { BLOG_EVENT, type CommentCreatedPayload, type ModerationStatus } from '../events.js';

import { CreateCommentInput } from '../schemas.js';

import { autoApprove } from '../settings.js';

/** A reply must answer a comment of the same post. */
const assertReplyTarget = async (w: ContentTx, postId: string, replyTo: string | undefined): Promise<void> => {
  if (!replyTo) return;
  const target = await loadNodeInTx(w, replyTo).catch(absentAsNull);
  if (target?.kind !== 'comment' || target.parentId !== postId) {
    throw blogErrors.BLOG_COMMENT_REPLY_INVALID('replyTo must be a comment of the same post', {
      errors: [{ path: 'replyTo', message: 'is not a comment of this post' }],
    });
  }
};

const notOpen = (postId: string): AppError =>
  blogErrors.BLOG_POST_NOT_PUBLISHED(`The post ${postId} is not published; it takes no comments`);

/**
 * POST /blog/posts/{id}/comments: a `comment` node under the post (threads via metadata.replyTo),
 * pending unless the tenant's blog.comments.autoApprove is on; blog.comment.created in the same transaction.
 */
export const createComment = (ctx: BlogContext, postId: string, raw: CreateCommentInput): Promise<ContentNode> =>
  inTenant(asContent(ctx, COMMENT_RIGHTS), async (w) => {
    requirePermission(w.actor, 'content.nodes.create');
    const input = parseInput(CreateCommentInput, raw);
    const post = await loadPostInTx(w, postId);
    if (post.status !== 'published') throw notOpen(postId);
    await assertReplyTarget(w, postId, input.replyTo);
    const moderation: ModerationStatus = (await autoApprove(w)) ? 'approved' : 'pending';
    const id = await createNodeInTx(w, {
      kind: 'comment',
      parentId: postId,
      title: 'Comment',
      slug: `comment-${generateId()}`,
      body: input.body,
      ...(input.locale ? { locale: input.locale } : {}),
      metadata: { moderation, replyTo: input.replyTo ?? null },
    });
    if (moderation === 'approved') await transitionInTx(w, id, { to: 'published' });
    const payload: CommentCreatedPayload = { commentId: id, postId, replyTo: input.replyTo ?? null, authorId: w.actor.userId, moderation };
    await w.publish(BLOG_EVENT.commentCreated, payload);
    return readNodeInTx(w, id);
  });
