import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { postQuery } from '../api/blog.js';
import { appRoute } from './app.js';

export const blogPostRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/blog/$id',
  loader: ({ context, params }) =>
    Promise.all([context.queryClient.ensureQueryData(postQuery(params.id)), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./blog-post.page.js'), 'PostPage'),
});
