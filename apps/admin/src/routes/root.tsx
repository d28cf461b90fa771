import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, Outlet } from '@tanstack/react-router';

export interface RouterContext {
  readonly queryClient: QueryClient;
}

/** The page frame every screen renders into. */
const Root = () => (
  <div className="app">
    <Outlet />
  </div>
);

export const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Root });
