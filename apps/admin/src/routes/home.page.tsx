import { useSuspenseQuery } from '@tanstack/react-query';
import { meQuery } from '../api/auth.js';

/** The signed-in home: who you are, in which tenant, and what you may do there. */
export const Home = () => {
  const { data: me } = useSuspenseQuery(meQuery);
  return (
    <>
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
    </>
  );
};
