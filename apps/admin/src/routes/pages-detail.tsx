import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { pageQuery } from '../api/pages.js';
import { appRoute } from './app.js';

export const pageDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pages/$id',
  loader: ({ context, params }) =>
    Promise.all([context.queryClient.ensureQueryData(pageQuery(params.id)), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./pages-detail.page.js'), 'PageDetail'),
});
