import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { type ModulePermissions, putRole } from '../api/roles.js';
import { type Role, rolesQuery } from '../api/users.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { TextField } from './text-field.js';

const messages = defineMessages({
  en: {
    newRole: 'New role',
    editRole: (name: string) => `Edit role ${name}`,
    name: 'Name',
    nameHint: 'lower-case letters, digits and underscores, starting with a letter',
    description: 'Description',
    permissions: 'Permissions',
    module: (module: string) => `Module ${module}`,
    save: 'Save role',
    cancel: 'Cancel',
  },
  ru: {
    newRole: 'Новая роль',
    editRole: (name: string) => `Изменить роль ${name}`,
    name: 'Название',
    nameHint: 'строчные латинские буквы, цифры и подчёркивания, в начале буква',
    description: 'Описание',
    permissions: 'Разрешения',
    module: (module: string) => `Модуль ${module}`,
    save: 'Сохранить роль',
    cancel: 'Отмена',
  },
});

const PermissionGroup = ({ group, chosen }: { readonly group: ModulePermissions; readonly chosen: readonly string[] }) => {
  const t = useMessages(messages);
  return (
    <fieldset className="row permission-group">
      <legend>{t.module(group.module)}</legend>
      {group.permissions.map((p) => (
        <label key={p}>
          <input type="checkbox" name="permissions" value={p} defaultChecked={chosen.includes(p)} /> {p}
        </label>
      ))}
    </fieldset>
  );
};

interface Props {
  /** The role being edited; none for a new one. */
  readonly role?: Role;
  readonly catalogue: readonly ModulePermissions[];
  readonly onSaved: (role: { readonly name: string }) => void;
  readonly onCancel?: () => void;
}

/** A tenant role: its name, description and the permissions it grants, picked module by module. */
export const RoleForm = ({ role, catalogue, onSaved, onCancel }: Props) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: putRole,
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: rolesQuery.queryKey });
      onSaved(saved);
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = role?.name ?? String(data.get('name')).trim();
    const description = String(data.get('description') ?? '').trim();
    save.mutate({ name, description, permissions: data.getAll('permissions').map(String) });
  };
  return (
    <form className="stack wide" onSubmit={submit} aria-labelledby="role-form">
      <h2 id="role-form">{role ? t.editRole(role.name) : t.newRole}</h2>
      {role ? null : <TextField label={t.name} name="name" required pattern="[a-z][a-z0-9_]{1,63}" hint={t.nameHint} />}
      <TextField label={t.description} name="description" maxLength={500} defaultValue={role?.description ?? ''} />
      <fieldset>
        <legend>{t.permissions}</legend>
        {catalogue.map((g) => (
          <PermissionGroup key={g.module} group={g} chosen={role?.permissions ?? []} />
        ))}
      </fieldset>
      {save.error ? <ErrorNotice error={save.error} /> : null}
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          {t.save}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
};
