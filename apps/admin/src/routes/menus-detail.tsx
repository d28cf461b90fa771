import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { menuQuery } from '../api/menus.js';
import { pagesQuery } from '../api/pages.js';
import { tenantLocalesQuery } from '../api/tenant-locales.js';
import { appRoute } from './app.js';

export const menuDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/menus/$id',
  loader: ({ context: { queryClient }, params }) =>
    Promise.all([
      queryClient.ensureQueryData(menuQuery(params.id)),
      queryClient.ensureQueryData(meQuery),
      queryClient.ensureQueryData(tenantLocalesQuery),
      queryClient.ensureQueryData(pagesQuery),
    ]),
  component: lazyRouteComponent(() => import('./menus-detail.page.js'), 'MenuDetail'),
});
