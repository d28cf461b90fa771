import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { flexEntriesQuery, flexSchemaQuery } from '../api/flex.js';
import { appRoute } from './app.js';

export const flexEntriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/flex/$slug/entries',
  loader: ({ context: { queryClient }, params }) =>
    Promise.all([
      queryClient.ensureQueryData(flexSchemaQuery(params.slug)),
      queryClient.ensureInfiniteQueryData(flexEntriesQuery(params.slug)),
      queryClient.ensureQueryData(meQuery),
    ]),
  component: lazyRouteComponent(() => import('./flex-entries.page.js'), 'FlexEntries'),
});
