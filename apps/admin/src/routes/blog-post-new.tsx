import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app.js';

export const blogPostNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/blog/new',
  component: lazyRouteComponent(() => import('./blog-post-new.page.js'), 'NewPost'),
});
