import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { topicsQuery } from '../api/forum.js';
import { appRoute } from './app.js';

export const forumRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forum',
  loader: ({ context }) => context.queryClient.ensureQueryData(topicsQuery),
  component: lazyRouteComponent(() => import('./forum.page.js'), 'ForumTopics'),
});
