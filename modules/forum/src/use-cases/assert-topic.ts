import { inTenant } from '@rustok/api';
import { type ForumContext, loadTopicInTx } from '../context.js';

/** 404 FORUM_TOPIC_NOT_FOUND unless the id names a topic of the tenant. */
export const assertTopic = async (ctx: ForumContext, id: string): Promise<void> => {
  await inTenant(ctx, (w) => loadTopicInTx(w, id));
};
