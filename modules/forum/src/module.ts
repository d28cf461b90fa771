import { defineModule } from '@rustok/kernel';
import { forumErrors } from './errors.js';
import { forumEvents } from './events.js';
import { forumGraphQL } from './graphql.js';
import { replyRoutes } from './routes/replies.js';
import { topicRoutes } from './routes/topics.js';

const FORUM_PERMISSIONS = [
  'forum.topics.read',
  'forum.topics.create',
  'forum.topics.update',
  'forum.topics.update_own',
  'forum.topics.delete',
  'forum.topics.moderate',
  'forum.replies.create',
  'forum.replies.update_own',
] as const;

/** Topics in categories with replies, pins and locks: content nodes of kinds `topic` and `reply`. No tables of its own. */
export const forumModule = defineModule({
  slug: 'forum',
  name: 'Forum',
  description: 'Topics in categories with replies, exact reply counts, pins and locks (over content)',
  version: '0.1.0',
  kind: 'optional',
  errors: [forumErrors],
  dependencies: ['content'],
  permissions: [...FORUM_PERMISSIONS],
  events: { emits: forumEvents },
  rest: async (app) => {
    await app.register(topicRoutes);
    await app.register(replyRoutes);
  },
  graphql: forumGraphQL,
});
