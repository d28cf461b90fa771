import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app.js';

/** The code editor is loaded with this route's page, not with the app. */
export const scriptNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/scripts/new',
  component: lazyRouteComponent(() => import('./script-new.page.js'), 'ScriptNew'),
});
