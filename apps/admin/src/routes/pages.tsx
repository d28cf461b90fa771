import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { pagesQuery } from '../api/pages.js';
import { appRoute } from './app.js';

export const pagesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pages',
  loader: ({ context }) => Promise.all([context.queryClient.ensureQueryData(pagesQuery), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./pages.page.js'), 'Pages'),
});
