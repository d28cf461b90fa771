import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { errorCatalogueQuery } from '../api/errors.js';
import { deadLettersQuery, eventStatsQuery } from '../api/events.js';
import { appRoute } from './app.js';

export const systemRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/system',
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(eventStatsQuery),
      context.queryClient.ensureQueryData(deadLettersQuery),
      context.queryClient.ensureQueryData(meQuery),
      context.queryClient.ensureQueryData(errorCatalogueQuery),
    ]),
  component: lazyRouteComponent(() => import('./system.page.js'), 'System'),
});
