import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { postsQuery } from '../api/blog.js';
import { pendingCommentsQuery } from '../api/content.js';
import { appRoute } from './app.js';

export const blogCommentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/blog/comments',
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureQueryData(pendingCommentsQuery), context.queryClient.ensureQueryData(postsQuery)]),
  component: lazyRouteComponent(() => import('./blog-comments.page.js'), 'CommentQueue'),
});
