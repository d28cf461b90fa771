import { inTenant, requirePermission } from '@rustok/api';
import { type ContentNode, createNodeInTx, mergeMetadataInTx, readNodeInTx, transitionInTx } from '@rustok/content/kit';
import { generateId, parseInput } from '@rustok/kernel';

import { asContent, type ForumContext, loadTopicInTx, REPLY_RIGHTS, topicLocked } from '../context.js';
import { FORUM_EVENT, type ReplyCreatedPayload } from '../events.js';

import { CreateReplyInput } from '../schemas.js';

/**
 * POST /forum/topics/{id}/replies. The topic row is locked first, so replies to one topic queue up:
 * content's attach-to-parent (`reply_count = reply_count + 1 … RETURNING`) keeps the count exact,
 * and the topic's lastActivityAt moves on. forum.reply.created goes out in the same transaction.
 */
export const createReply = (ctx: ForumContext, topicId: string, raw: CreateReplyInput): Promise<ContentNode> =>
  inTenant(asContent(ctx, REPLY_RIGHTS), async (w) => {
    requirePermission(w.actor, 'content.nodes.create');
    const input = parseInput(CreateReplyInput, raw);
    const topic = await loadTopicInTx(w, topicId, true);
    if (topic.metadata.locked === true) throw topicLocked(topicId);
    if (topic.status !== 'published') throw topicLocked(topicId);
    const now = new Date();
    const id = await createNodeInTx(w, {
      kind: 'reply',
      parentId: topicId,
      title: 'Reply',
      slug: `reply-${generateId()}`,
      body: input.body,
      ...(input.locale ? { locale: input.locale } : {}),
    });
    await transitionInTx(w, id, { to: 'published' }, now);
    await mergeMetadataInTx(w, topicId, { lastActivityAt: now.toISOString() }, false);
    const { replyCount } = await loadTopicInTx(w, topicId);
    const payload: ReplyCreatedPayload = { replyId: id, topicId, authorId: w.actor.userId, replyCount };
    await w.publish(FORUM_EVENT.replyCreated, payload);
    return readNodeInTx(w, id);
  });
