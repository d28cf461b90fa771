import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { accessTokensQuery, grantablePermissionsQuery } from '../api/access-tokens.js';
import { meQuery } from '../api/auth.js';
import { appRoute } from './app.js';

export const accessTokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/access-tokens',
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(accessTokensQuery(false)),
      context.queryClient.ensureQueryData(grantablePermissionsQuery),
      context.queryClient.ensureQueryData(meQuery),
    ]),
  component: lazyRouteComponent(() => import('./access-tokens.page.js'), 'AccessTokens'),
});
