import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app.js';

export const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('./home.page.js'), 'Home'),
});
