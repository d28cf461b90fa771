import { type ContentNode, listNodes, type MetadataOrder, type Paged } from '@rustok/content/kit';
import { asContent, type ForumContext, TOPIC_RIGHTS } from '../context.js';
import type { ListTopicsQuery } from '../schemas.js';

/** Pinned topics first, then the most recently active (a reply moves a topic up), then the newest. */
const TOPIC_ORDER: readonly MetadataOrder[] = [
  { key: 'pinned', type: 'boolean' },
  { key: 'lastActivityAt', type: 'text' },
];

/** GET /forum/topics: content's listing of kind `topic` in TOPIC_ORDER (filters: category, tag, locale, author, status). */
export const listTopics = (ctx: ForumContext, query: Partial<ListTopicsQuery>): Promise<Paged<ContentNode>> =>
  listNodes(asContent(ctx, TOPIC_RIGHTS), { ...query, kind: 'topic' }, TOPIC_ORDER);
