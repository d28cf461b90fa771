import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { flexSchemaQuery } from '../api/flex.js';
import { tenantLocalesQuery } from '../api/tenant-locales.js';
import { appRoute } from './app.js';

export const flexEntryNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/flex/$slug/entries/new',
  loader: ({ context: { queryClient }, params }) =>
    Promise.all([queryClient.ensureQueryData(flexSchemaQuery(params.slug)), queryClient.ensureQueryData(tenantLocalesQuery)]),
  component: lazyRouteComponent(() => import('./flex-entry-new.page.js'), 'FlexEntryNew'),
});
