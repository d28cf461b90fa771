import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { mediaAssetsQuery } from '../api/media.js';
import { appRoute } from './app.js';

export const mediaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/media',
  loader: ({ context }) =>
    Promise.all([context.queryClient.ensureInfiniteQueryData(mediaAssetsQuery()), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./media.page.js'), 'MediaLibrary'),
});
