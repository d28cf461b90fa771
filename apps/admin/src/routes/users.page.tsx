import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import { createUser, type Role, rolesQuery, setUserRoles, setUserStatus, type User, usersQuery } from '../api/users.js';
import { ErrorNotice } from '../components/error-notice.js';
import { TextField } from '../components/text-field.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Users',
    roles: 'Roles',
    rolesLink: 'Roles and their permissions',
    newUser: 'New user',
    email: 'E-mail',
    password: 'Password',
    created: (email: string) => `Created ${email}.`,
    createUser: 'Create user',
    rolesOf: (email: string) => `Roles of ${email}`,
    saveRoles: 'Save roles',
    enable: 'Enable',
    disable: 'Disable',
    enableUser: (email: string) => `Enable ${email}`,
    disableUser: (email: string) => `Disable ${email}`,
    status: 'Status',
    since: 'Since',
    actions: 'Actions',
    active: 'active',
    disabled: 'disabled',
  },
  ru: {
    title: 'Пользователи',
    roles: 'Роли',
    rolesLink: 'Роли и их разрешения',
    newUser: 'Новый пользователь',
    email: 'Эл. почта',
    password: 'Пароль',
    created: (email: string) => `Создан ${email}.`,
    createUser: 'Создать пользователя',
    rolesOf: (email: string) => `Роли ${email}`,
    saveRoles: 'Сохранить роли',
    enable: 'Включить',
    disable: 'Отключить',
    enableUser: (email: string) => `Включить ${email}`,
    disableUser: (email: string) => `Отключить ${email}`,
    status: 'Статус',
    since: 'С',
    actions: 'Действия',
    active: 'активен',
    disabled: 'отключён',
  },
});

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
  const t = useMessages(messages);
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
      <h2 id="new-user">{t.newUser}</h2>
      <TextField label={t.email} name="email" type="email" required />
      <TextField label={t.password} name="password" type="password" required autoComplete="new-password" />
      <RoleChoices roles={roles} chosen={['editor']} legend={t.roles} />
      {create.error ? <ErrorNotice error={create.error} /> : null}
      {create.data ? <p role="status">{t.created(create.data.email)}</p> : null}
      <button type="submit" disabled={create.isPending}>
        {t.createUser}
      </button>
    </form>
  );
};

const UserRoles = ({ user, roles }: { readonly user: User; readonly roles: readonly Role[] }) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const assign = useMutation({
    mutationFn: setUserRoles,
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }),
  });
  return (
    <>
      <form
        className="row"
        aria-label={t.rolesOf(user.email)}
        onSubmit={(e) => {
          e.preventDefault();
          assign.mutate({ id: user.id, roles: rolesOf(e.currentTarget) });
        }}
      >
        <RoleChoices roles={roles} chosen={user.roles} legend={t.rolesOf(user.email)} />
        <button type="submit" disabled={assign.isPending}>
          {t.saveRoles}
        </button>
      </form>
      {assign.error ? <ErrorNotice error={assign.error} /> : null}
    </>
  );
};

const UserStatus = ({ user }: { readonly user: User }) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const status = useMutation({
    mutationFn: setUserStatus,
    onSettled: () => queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }),
  });
  const disabled = user.status === 'disabled';
  return (
    <>
      <button
        type="button"
        onClick={() => status.mutate({ id: user.id, status: disabled ? 'active' : 'disabled' })}
        aria-label={disabled ? t.enableUser(user.email) : t.disableUser(user.email)}
      >
        {disabled ? t.enable : t.disable}
      </button>
      {status.error ? <ErrorNotice error={status.error} /> : null}
    </>
  );
};

interface RowProps {
  readonly user: User;
  readonly roles: readonly Role[];
  readonly manage: boolean;
}

const UserRow = ({ user, roles, manage }: RowProps) => {
  const t = useMessages(messages);
  const { dateTime } = useFormat();
  return (
    <tr>
      <td>{user.email}</td>
      <td>{user.status === 'active' || user.status === 'disabled' ? t[user.status] : user.status}</td>
      <td>{dateTime(user.createdAt)}</td>
      <td>{manage ? <UserRoles user={user} roles={roles} /> : user.roles.join(', ')}</td>
      <td>{manage ? <UserStatus user={user} /> : null}</td>
    </tr>
  );
};

/** The tenant's users: their roles and status, a new user, and (with the permission) changes to both. */
export const Users = () => {
  const t = useMessages(messages);
  const { data: users } = useSuspenseQuery(usersQuery);
  const { data: roles } = useSuspenseQuery(rolesQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const manage = can(me, 'auth.users.manage');
  return (
    <>
      <div className="row heading-row">
        <h1>{t.title}</h1>
        <Link to="/roles">{t.rolesLink}</Link>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.email}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.since}</th>
            <th scope="col">{t.roles}</th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {users.items.map((u) => (
            <UserRow key={u.id} user={u} roles={roles} manage={manage && u.id !== me.id} />
          ))}
        </tbody>
      </table>
      {manage ? <NewUser roles={roles} /> : null}
    </>
  );
};
