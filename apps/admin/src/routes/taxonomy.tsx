import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { categoriesQuery, tagsQuery } from '../api/content.js';
import { appRoute } from './app.js';

export const taxonomyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/taxonomy',
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(meQuery),
      context.queryClient.ensureQueryData(categoriesQuery),
      context.queryClient.ensureQueryData(tagsQuery),
    ]),
  component: lazyRouteComponent(() => import('./taxonomy.page.js'), 'Taxonomy'),
});
