import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { topicQuery } from '../api/forum.js';
import { appRoute } from './app.js';

export const forumTopicRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forum/$id',
  loader: ({ context, params }) =>
    Promise.all([context.queryClient.ensureQueryData(topicQuery(params.id)), context.queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./forum-topic.page.js'), 'ForumTopic'),
});
