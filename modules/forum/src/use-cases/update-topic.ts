import { type ContentNode, updateNode } from '@rustok/content/kit';
import { asContent, type ForumContext, TOPIC_RIGHTS } from '../context.js';
import type { UpdateTopicInput } from '../schemas.js';
import { assertTopic } from './assert-topic.js';

/** PATCH /forum/topics/{id}: title, body, category, tags (forum.topics.update, or update_own for the author). */
export const updateTopic = async (ctx: ForumContext, id: string, input: UpdateTopicInput): Promise<ContentNode> => {
  await assertTopic(ctx, id);
  return updateNode(asContent(ctx, TOPIC_RIGHTS), id, input);
};
