import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { deleteRole } from '../api/roles.js';
import { type Role, rolesQuery, usersQuery } from '../api/users.js';
import { defineMessages, plural, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    builtIn: 'Built-in',
    tenant: 'Tenant role',
    everything: 'everything',
    permissions: (n: number) => plural('en', n, { one: '# permission', other: '# permissions' }),
    edit: 'Edit',
    editRole: (name: string) => `Edit ${name}`,
    delete: 'Delete',
    deleteRole: (name: string) => `Delete ${name}`,
    confirm: (name: string) => `Delete the role ${name}? Its users lose it.`,
    confirmDelete: 'Yes, delete',
    cancel: 'Cancel',
  },
  ru: {
    builtIn: 'Встроенная',
    tenant: 'Роль арендатора',
    everything: 'всё',
    permissions: (n: number) => plural('ru', n, { one: '# разрешение', few: '# разрешения', many: '# разрешений', other: '# разрешения' }),
    edit: 'Изменить',
    editRole: (name: string) => `Изменить ${name}`,
    delete: 'Удалить',
    deleteRole: (name: string) => `Удалить ${name}`,
    confirm: (name: string) => `Удалить роль ${name}? Её пользователи её потеряют.`,
    confirmDelete: 'Да, удалить',
    cancel: 'Отмена',
  },
});

const Permissions = ({ role }: { readonly role: Role }) => {
  const t = useMessages(messages);
  if (role.permissions.includes('*')) return <>{t.everything}</>;
  return (
    <details>
      <summary>{t.permissions(role.permissions.length)}</summary>
      <ul className="permissions">
        {role.permissions.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </details>
  );
};

/** Deleting a role, asked once more in place (its users lose it). */
const DeleteRole = ({ name }: { readonly name: string }) => {
  const t = useMessages(messages);
  const [asking, setAsking] = useState(false);
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: deleteRole,
    onSuccess: () => Promise.all([rolesQuery, usersQuery].map((q) => queryClient.invalidateQueries({ queryKey: q.queryKey }))),
  });
  if (!asking)
    return (
      <button type="button" onClick={() => setAsking(true)} aria-label={t.deleteRole(name)}>
        {t.delete}
      </button>
    );
  return (
    <fieldset className="stack">
      <legend>{t.confirm(name)}</legend>
      <div className="row">
        <button type="button" disabled={remove.isPending} onClick={() => remove.mutate(name)}>
          {t.confirmDelete}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t.cancel}
        </button>
      </div>
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
    </fieldset>
  );
};

interface Props {
  readonly role: Role;
  readonly manage: boolean;
  readonly onEdit: (name: string) => void;
}

/** One role: built-in or the tenant's, its permissions, and (tenant roles, with the permission) edit and delete. */
export const RoleRow = ({ role, manage, onEdit }: Props) => {
  const t = useMessages(messages);
  return (
    <tr>
      <td>
        <strong>{role.name}</strong>
        {role.description ? (
          <>
            <br />
            <small>{role.description}</small>
          </>
        ) : null}
      </td>
      <td>{role.builtIn ? t.builtIn : t.tenant}</td>
      <td>
        <Permissions role={role} />
      </td>
      <td>
        {manage && !role.builtIn ? (
          <div className="row">
            <button type="button" onClick={() => onEdit(role.name)} aria-label={t.editRole(role.name)}>
              {t.edit}
            </button>
            <DeleteRole name={role.name} />
          </div>
        ) : null}
      </td>
    </tr>
  );
};
