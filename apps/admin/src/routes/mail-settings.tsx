import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { mailSettingsQuery } from '../api/mail.js';
import { appRoute } from './app.js';

export const mailSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mail/settings',
  loader: ({ context: { queryClient } }) =>
    Promise.all([queryClient.ensureQueryData(mailSettingsQuery), queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./mail-settings.page.js'), 'MailSettings'),
});
