import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { scriptQuery } from '../api/scripting.js';
import { appRoute } from './app.js';

/** The code editor is loaded with this route's page, not with the app. */
export const scriptRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/scripts/$id',
  loader: ({ context: { queryClient }, params }) =>
    Promise.all([queryClient.ensureQueryData(scriptQuery(params.id)), queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./script.page.js'), 'Script'),
});
