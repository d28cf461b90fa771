import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { indexStatusQuery } from '../api/search-index.js';
import { appRoute } from './app.js';

export const searchIndexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/search-index',
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureQueryData(indexStatusQuery), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./search-index.page.js'), 'SearchIndex'),
});
