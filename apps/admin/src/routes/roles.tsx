import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { permissionCatalogueQuery } from '../api/roles.js';
import { rolesQuery } from '../api/users.js';
import { appRoute } from './app.js';

interface Search {
  /** The tenant role being edited; none: the form makes a new one. */
  readonly role?: string;
}

export const rolesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/roles',
  validateSearch: (search: Record<string, unknown>): Search =>
    typeof search.role === 'string' && /^[a-z][a-z0-9_]{1,63}$/.test(search.role) ? { role: search.role } : {},
  loader: ({ context }) =>
    Promise.all([
      context.queryClient.ensureQueryData(rolesQuery),
      context.queryClient.ensureQueryData(permissionCatalogueQuery),
      context.queryClient.ensureQueryData(meQuery),
    ]),
  component: lazyRouteComponent(() => import('./roles.page.js'), 'Roles'),
});
