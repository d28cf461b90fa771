import { deleteNode } from '@rustok/content/kit';
import { asContent, type ForumContext, TOPIC_RIGHTS } from '../context.js';
import { assertTopic } from './assert-topic.js';

/** DELETE /forum/topics/{id}: the topic with its replies (forum.topics.delete). */
export const deleteTopic = async (ctx: ForumContext, id: string): Promise<void> => {
  await assertTopic(ctx, id);
  await deleteNode(asContent(ctx, TOPIC_RIGHTS), id);
};
