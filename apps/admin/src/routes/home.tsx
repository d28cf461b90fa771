import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { createRoute, redirect, useNavigate } from '@tanstack/react-router';
import { isSignedIn, meQuery, signOut } from '../api/auth.js';
import { rootRoute } from './root.js';

/** The signed-in home: who you are, in which tenant, and what you may do there. */
const Home = () => {
  const { data: me } = useSuspenseQuery(meQuery);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const leave = async () => {
    await signOut();
    queryClient.clear();
    await navigate({ to: '/sign-in' });
  };
  return (
    <>
      <header className="bar">
        <strong>RusToK</strong>
        <span className="who" data-testid="signed-in-as">
          {me.name ?? me.email}
        </span>
        <button type="button" onClick={leave}>
          Sign out
        </button>
      </header>
      <main>
        <h1>Welcome, {me.name ?? me.email}</h1>
        <dl className="facts">
          <dt>Email</dt>
          <dd>{me.email}</dd>
          <dt>Roles</dt>
          <dd>{me.roles.join(', ') || 'none'}</dd>
        </dl>
        <h2>What you may do here</h2>
        <ul className="permissions">
          {me.permissions.map((p) => (
            <li key={p}>{p === '*' ? 'everything (all permissions)' : p}</li>
          ))}
        </ul>
      </main>
    </>
  );
};

export const homeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: () => {
    if (!isSignedIn()) throw redirect({ to: '/sign-in' });
  },
  loader: ({ context }) => context.queryClient.ensureQueryData(meQuery),
  component: Home,
});
