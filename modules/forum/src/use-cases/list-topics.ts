import { type ContentNode, listNodes, type Paged } from '@rustok/content';
import { asContent, type ForumContext, TOPIC_RIGHTS } from '../context.js';
import type { ListTopicsQuery } from '../schemas.js';

/** GET /forum/topics: content's listing of kind `topic` (filters: category, tag, locale, author). */
export const listTopics = (ctx: ForumContext, query: Partial<ListTopicsQuery>): Promise<Paged<ContentNode>> =>
  listNodes(asContent(ctx, TOPIC_RIGHTS), { ...query, kind: 'topic' });
