import { type ContentNode, listNodes, type Paged } from '@rustok/content/kit';
import { asContent, type ForumContext, REPLY_RIGHTS } from '../context.js';
import type { ListRepliesQuery } from '../schemas.js';
import { assertTopic } from './assert-topic.js';

/** GET /forum/topics/{id}/replies: the topic's replies, newest first, each with its text (a reply's body is the point). */
export const listReplies = async (ctx: ForumContext, topicId: string, query: Partial<ListRepliesQuery>): Promise<Paged<ContentNode>> => {
  await assertTopic(ctx, topicId);
  return listNodes(asContent(ctx, REPLY_RIGHTS), { ...query, kind: 'reply', parent: topicId }, [], true);
};
