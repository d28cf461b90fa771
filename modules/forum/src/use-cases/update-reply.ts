import { inTenant } from '@rustok/api';
import { type ContentActor, type ContentNode, loadNodeInTx, type NodeHead, readNodeInTx, updateNodeInTx } from '@rustok/content/kit';
import { kernelErrors, parseInput } from '@rustok/kernel';
import { absentAsNull, asContent, type ForumContext, loadTopicInTx, REPLY_EDIT_RIGHTS, replyNotFound, topicLocked } from '../context.js';
import { UpdateReplyInput } from '../schemas.js';

/** Moderators (mapped to content.nodes.update) edit any reply; authors their own (update_own). */
const assertCanEdit = (actor: ContentActor, reply: NodeHead): void => {
  if (actor.can('content.nodes.update')) return;
  if (actor.can('content.nodes.update_own') && actor.userId !== null && reply.authorId === actor.userId) return;
  throw kernelErrors.AUTH_FORBIDDEN('Editing this reply needs forum.topics.moderate (or forum.replies.update_own for your own)');
};

/**
 * PATCH /forum/topics/{id}/replies/{replyId} { body, locale? }: the reply's body in one locale
 * (content keeps a revision and publishes content.node.updated). Another topic's reply is a 404,
 * and in a locked topic only moderators edit.
 */
export const updateReply = (ctx: ForumContext, topicId: string, replyId: string, raw: UpdateReplyInput): Promise<ContentNode> =>
  inTenant(asContent(ctx, REPLY_EDIT_RIGHTS), async (w) => {
    const input = parseInput(UpdateReplyInput, raw);
    const topic = await loadTopicInTx(w, topicId);
    const reply = await loadNodeInTx(w, replyId, true).catch(absentAsNull);
    if (reply?.kind !== 'reply' || reply.parentId !== topicId) throw replyNotFound(replyId);
    assertCanEdit(w.actor, reply);
    if (topic.metadata.locked === true && !w.actor.can('content.nodes.update')) throw topicLocked(topicId);
    await updateNodeInTx(w, replyId, input);
    return readNodeInTx(w, replyId, input.locale);
  });
