import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { mailTemplateQuery, mailTemplatesQuery } from '../api/mail.js';
import { appRoute } from './app.js';

export const mailTemplateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mail/templates/$key/$locale',
  loader: ({ context: { queryClient }, params }) =>
    Promise.all([
      queryClient.ensureQueryData(mailTemplateQuery(params.key, params.locale)),
      queryClient.ensureQueryData(mailTemplatesQuery),
      queryClient.ensureQueryData(meQuery),
    ]),
  component: lazyRouteComponent(() => import('./mail-template.page.js'), 'MailTemplateEditor'),
});
