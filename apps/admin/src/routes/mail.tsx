import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { mailTemplatesQuery } from '../api/mail.js';
import { tenantLocalesQuery } from '../api/tenant-locales.js';
import { appRoute } from './app.js';

export const mailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mail',
  loader: ({ context: { queryClient } }) =>
    Promise.all([
      queryClient.ensureQueryData(mailTemplatesQuery),
      queryClient.ensureQueryData(tenantLocalesQuery),
      queryClient.ensureQueryData(meQuery),
    ]),
  component: lazyRouteComponent(() => import('./mail.page.js'), 'MailTemplates'),
});
