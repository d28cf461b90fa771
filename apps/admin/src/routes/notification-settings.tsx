import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { inboxSettingsQuery } from '../api/inbox.js';
import { appRoute } from './app.js';

export const notificationSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications/settings',
  loader: ({ context: { queryClient } }) => queryClient.ensureQueryData(inboxSettingsQuery),
  component: lazyRouteComponent(() => import('./notification-settings.page.js'), 'NotificationSettings'),
});
