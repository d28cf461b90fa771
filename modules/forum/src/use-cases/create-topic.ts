import { inTenant, requirePermission } from '@rustok/api';
import { type ContentNode, createNodeInTx, readNodeInTx, transitionInTx } from '@rustok/content/kit';
import { asContent, type ForumContext, TOPIC_RIGHTS } from '../context.js';
import { FORUM_EVENT, type TopicCreatedPayload } from '../events.js';

import type { CreateTopicInput } from '../schemas.js';

/** POST /forum/topics: a published `topic` node and forum.topic.created, in one transaction. */
export const createTopic = (ctx: ForumContext, input: CreateTopicInput): Promise<ContentNode> =>
  inTenant(asContent(ctx, TOPIC_RIGHTS), async (w) => {
    requirePermission(w.actor, 'content.nodes.create');
    const now = new Date();
    const metadata = { pinned: false, locked: false, lastActivityAt: now.toISOString() };
    const id = await createNodeInTx(w, { ...input, kind: 'topic', metadata });
    await transitionInTx(w, id, { to: 'published' }, now);
    const payload: TopicCreatedPayload = { topicId: id, categoryId: input.categoryId ?? null, authorId: w.actor.userId };
    await w.publish(FORUM_EVENT.topicCreated, payload);
    return readNodeInTx(w, id, input.locale);
  });
