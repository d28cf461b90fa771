import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import { permissionCatalogueQuery } from '../api/roles.js';
import { rolesQuery } from '../api/users.js';
import { RoleForm } from '../components/role-form.js';
import { RoleRow } from '../components/role-row.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Roles',
    intro: 'Built-in roles are the same in every tenant; tenant roles grant exactly the permissions picked for them.',
    users: 'Give roles to users',
    role: 'Role',
    kind: 'Kind',
    permissions: 'Permissions',
    actions: 'Actions',
    saved: (name: string) => `Saved the role ${name}.`,
    notFound: (name: string) => `There is no tenant role ${name}.`,
  },
  ru: {
    title: 'Роли',
    intro: 'Встроенные роли одинаковы во всех арендаторах; роли арендатора дают ровно выбранные для них разрешения.',
    users: 'Назначить роли пользователям',
    role: 'Роль',
    kind: 'Вид',
    permissions: 'Разрешения',
    actions: 'Действия',
    saved: (name: string) => `Роль ${name} сохранена.`,
    notFound: (name: string) => `Роли арендатора ${name} нет.`,
  },
});

/** Built-in and tenant roles; with the permission, a tenant role made, changed or deleted. */
export const Roles = () => {
  const t = useMessages(messages);
  const { role: editing } = getRouteApi('/app/roles').useSearch();
  const navigate = useNavigate({ from: '/roles' });
  const { data: roles } = useSuspenseQuery(rolesQuery);
  const { data: catalogue } = useSuspenseQuery(permissionCatalogueQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const [saved, setSaved] = useState<string | undefined>();
  const manage = can(me, 'auth.roles.manage');
  const edited = roles.find((r) => r.name === editing && !r.builtIn);
  const edit = (name?: string) => {
    setSaved(undefined);
    return navigate({ search: name ? { role: name } : {} });
  };
  return (
    <>
      <div className="row heading-row">
        <h1>{t.title}</h1>
        <Link to="/users">{t.users}</Link>
      </div>
      <p>{t.intro}</p>
      {saved ? <p role="status">{t.saved(saved)}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t.role}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.permissions}</th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {roles.map((r) => (
            <RoleRow key={r.name} role={r} manage={manage} onEdit={edit} />
          ))}
        </tbody>
      </table>
      {editing && !edited ? <p role="alert">{t.notFound(editing)}</p> : null}
      {manage ? (
        <RoleForm
          key={edited?.name ?? 'new'}
          role={edited}
          catalogue={catalogue}
          onSaved={(role) => edit().then(() => setSaved(role.name))}
          onCancel={edited ? () => edit() : undefined}
        />
      ) : null}
    </>
  );
};
