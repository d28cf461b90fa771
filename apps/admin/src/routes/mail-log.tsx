import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { mailLogQuery } from '../api/mail.js';
import { appRoute } from './app.js';

export const mailLogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mail/log',
  loader: ({ context: { queryClient } }) =>
    Promise.all([queryClient.ensureInfiniteQueryData(mailLogQuery), queryClient.ensureQueryData(meQuery)]),
  component: lazyRouteComponent(() => import('./mail-log.page.js'), 'MailLog'),
});
