import { defineModule } from '@rustok/kernel';
import { blogErrors } from './errors.js';
import { blogEvents } from './events.js';
import { blogGraphQL } from './graphql.js';
import { commentRoutes } from './routes/comments.js';
import { postRoutes } from './routes/posts.js';
import { BlogSettingsSchema } from './settings.js';

const BLOG_PERMISSIONS = [
  'blog.posts.read',
  'blog.posts.create',
  'blog.posts.update',
  'blog.posts.update_own',
  'blog.posts.publish',
  'blog.posts.delete',
  'blog.comments.create',
  'blog.comments.moderate',
] as const;

/** Posts and moderated, threaded comments: content nodes of kinds `post` and `comment`. No tables of its own. */
export const blogModule = defineModule({
  slug: 'blog',
  name: 'Blog',
  description: 'Posts with translations and revisions, and moderated threaded comments (over content)',
  version: '0.1.0',
  kind: 'optional',
  errors: [blogErrors],
  dependencies: ['content'],
  permissions: [...BLOG_PERMISSIONS],
  config: BlogSettingsSchema,
  events: { emits: blogEvents },
  rest: async (app) => {
    await app.register(postRoutes);
    await app.register(commentRoutes);
  },
  graphql: blogGraphQL,
});
