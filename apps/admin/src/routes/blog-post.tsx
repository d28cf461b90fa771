import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { postQuery } from '../api/blog.js';
import { appRoute } from './app.js';

export const blogPostRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/blog/$id',
  loader: ({ context, params }) => context.queryClient.ensureQueryData(postQuery(params.id)),
  component: lazyRouteComponent(() => import('./blog-post.page.js'), 'PostPage'),
});
