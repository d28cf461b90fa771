import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import { createUser, type Role, rolesQuery, setUserRoles, setUserStatus, type User, usersQuery } from '../api/users.js';
import { ErrorNotice } from '../components/error-notice.js';
import { TextField } from '../components/text-field.js';

/** Roles a tenant's staff can be given here (the platform administrator's is the platform's own). */
const assignable = (roles: readonly Role[]) => roles.filter((r) => r.name !== 'super_admin');

const RoleChoices = ({
  roles,
  chosen,
  legend,
}: {
  readonly roles: readonly Role[];
  readonly chosen: readonly string[];
  readonly legend: string;
}) => (
  <fieldset className="row">
    <legend>{legend}</legend>
    {assignable(roles).map((r) => (
      <label key={r.name}>
        <input type="checkbox" name="roles" value={r.name} defaultChecked={chosen.includes(r.name)} /> {r.name}
      </label>
    ))}
  </fieldset>
);

const rolesOf = (form: HTMLFormElement): string[] => new FormData(form).getAll('roles').map(String);

const NewUser = ({ roles }: { readonly roles: readonly Role[] }) => {
  const queryClient = useQueryClient();
  const create = useMutation({ mutationFn: createUser, onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }) });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { email: String(data.get('email')).trim(), password: String(data.get('password')), roles: rolesOf(form) };
    create.mutate(input, { onSuccess: () => form.reset() });
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="new-user">
      <h2 id="new-user">New user</h2>
      <TextField label="E-mail" name="email" type="email" required />
      <TextField label="Password" name="password" type="password" required autoComplete="new-password" />
      <RoleChoices roles={roles} chosen={['editor']} legend="Roles" />
      {create.error ? <ErrorNotice error={create.error} /> : null}
      {create.data ? <p role="status">Created {create.data.email}.</p> : null}
      <button type="submit" disabled={create.isPending}>
        Create user
      </button>
    </form>
  );
};

const UserRow = ({
  user,
  roles,
  manage,
  self,
}: {
  readonly user: User;
  readonly roles: readonly Role[];
  readonly manage: boolean;
  readonly self: boolean;
}) => {
  const queryClient = useQueryClient();
  const done = () => queryClient.invalidateQueries({ queryKey: usersQuery.queryKey });
  const status = useMutation({ mutationFn: setUserStatus, onSettled: done });
  const assign = useMutation({ mutationFn: setUserRoles, onSettled: done });
  const disabled = user.status === 'disabled';
  return (
    <tr>
      <td>{user.email}</td>
      <td>{user.status}</td>
      <td>
        {manage && !self ? (
          <form
            className="row"
            aria-label={`Roles of ${user.email}`}
            onSubmit={(e) => {
              e.preventDefault();
              assign.mutate({ id: user.id, roles: rolesOf(e.currentTarget) });
            }}
          >
            <RoleChoices roles={roles} chosen={user.roles} legend={`Roles of ${user.email}`} />
            <button type="submit" disabled={assign.isPending}>
              Save roles
            </button>
          </form>
        ) : (
          user.roles.join(', ')
        )}
        {assign.error ? <ErrorNotice error={assign.error} /> : null}
      </td>
      <td>
        {manage && !self ? (
          <button
            type="button"
            onClick={() => status.mutate({ id: user.id, status: disabled ? 'active' : 'disabled' })}
            aria-label={`${disabled ? 'Enable' : 'Disable'} ${user.email}`}
          >
            {disabled ? 'Enable' : 'Disable'}
          </button>
        ) : null}
        {status.error ? <ErrorNotice error={status.error} /> : null}
      </td>
    </tr>
  );
};

/** The tenant's users: their roles and status, a new user, and (with the permission) changes to both. */
export const Users = () => {
  const { data: users } = useSuspenseQuery(usersQuery);
  const { data: roles } = useSuspenseQuery(rolesQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const manage = can(me, 'auth.users.manage');
  return (
    <>
      <h1>Users</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">E-mail</th>
            <th scope="col">Status</th>
            <th scope="col">Roles</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.items.map((u) => (
            <UserRow key={u.id} user={u} roles={roles} manage={manage} self={u.id === me.id} />
          ))}
        </tbody>
      </table>
      {manage ? <NewUser roles={roles} /> : null}
    </>
  );
};
