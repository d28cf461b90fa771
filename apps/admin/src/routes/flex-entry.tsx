import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { flexEntryQuery, flexSchemaQuery } from '../api/flex.js';
import { tenantLocalesQuery } from '../api/tenant-locales.js';
import { appRoute } from './app.js';

export const flexEntryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/flex/$slug/entries/$id',
  loader: ({ context: { queryClient }, params }) =>
    Promise.all([
      queryClient.ensureQueryData(flexSchemaQuery(params.slug)),
      queryClient.ensureQueryData(flexEntryQuery(params.id)),
      queryClient.ensureQueryData(tenantLocalesQuery),
      queryClient.ensureQueryData(meQuery),
    ]),
  component: lazyRouteComponent(() => import('./flex-entry.page.js'), 'FlexEntryEdit'),
});
