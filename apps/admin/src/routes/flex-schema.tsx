import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { flexSchemaQuery } from '../api/flex.js';
import { appRoute } from './app.js';

export const flexSchemaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/flex/$slug',
  loader: ({ context, params }) =>
    Promise.all([context.queryClient.ensureQueryData(flexSchemaQuery(params.slug)), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./flex-schema.page.js'), 'FlexSchemaEdit'),
});
