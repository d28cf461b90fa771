import { type ContentNode, getNode } from '@rustok/content/kit';
import { asContent, type ForumContext, renameNotFound, TOPIC_RIGHTS, topicNotFound } from '../context.js';

/** GET /forum/topics/{id}: the topic with replyCount and metadata (pinned, locked, lastActivityAt). */
export const getTopic = async (ctx: ForumContext, id: string, locale?: string): Promise<ContentNode> => {
  const node = await getNode(asContent(ctx, TOPIC_RIGHTS), id, locale).catch(renameNotFound(id));
  if (node.kind !== 'topic') throw topicNotFound(id);
  return node;
};
