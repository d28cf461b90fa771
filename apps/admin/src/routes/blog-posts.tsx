import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { postsQuery } from '../api/blog.js';
import { appRoute } from './app.js';

export const blogPostsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/blog',
  loader: ({ context }) => Promise.all([context.queryClient.ensureQueryData(postsQuery), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./blog-posts.page.js'), 'Posts'),
});
