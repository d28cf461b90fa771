import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { commentQueueQuery, postsQuery } from '../api/blog.js';
import { appRoute } from './app.js';

export const blogCommentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/blog/comments',
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureQueryData(commentQueueQuery), context.queryClient.ensureQueryData(postsQuery)]),
  component: lazyRouteComponent(() => import('./blog-comments.page.js'), 'CommentQueue'),
});
