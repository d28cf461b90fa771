import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { actInTenant, createTenant, setTenantActive, type Tenant, tenantsQuery } from '../api/tenants.js';
import { ErrorNotice } from '../components/error-notice.js';
import { TextField } from '../components/text-field.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    title: 'Tenants',
    newTenant: 'New tenant',
    name: 'Name',
    slug: 'Slug',
    slugHint: 'lower-case letters, digits and dashes',
    ownerEmail: 'Owner e-mail',
    ownerPassword: 'Owner password',
    created: (name: string) => `Created ${name}.`,
    create: 'Create tenant',
    actIn: 'Act in',
    actInTenant: (name: string) => `Act in ${name}`,
    reason: 'Reason (kept in the audit log)',
    cancel: 'Cancel',
    status: 'Status',
    actions: 'Actions',
    active: 'Active',
    inactive: 'Inactive',
    activate: 'Activate',
    deactivate: 'Deactivate',
    activateTenant: (name: string) => `Activate ${name}`,
    deactivateTenant: (name: string) => `Deactivate ${name}`,
  },
  ru: {
    title: 'Арендаторы',
    newTenant: 'Новый арендатор',
    name: 'Название',
    slug: 'Короткое имя',
    slugHint: 'строчные латинские буквы, цифры и дефисы',
    ownerEmail: 'Эл. почта владельца',
    ownerPassword: 'Пароль владельца',
    created: (name: string) => `Создан арендатор ${name}.`,
    create: 'Создать арендатора',
    actIn: 'Действовать',
    actInTenant: (name: string) => `Действовать в ${name}`,
    reason: 'Причина (сохраняется в журнале аудита)',
    cancel: 'Отмена',
    status: 'Состояние',
    actions: 'Действия',
    active: 'Активен',
    inactive: 'Неактивен',
    activate: 'Активировать',
    deactivate: 'Деактивировать',
    activateTenant: (name: string) => `Активировать ${name}`,
    deactivateTenant: (name: string) => `Деактивировать ${name}`,
  },
});

const text = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();

/** Create a tenant with its owner. */
const CreateTenant = () => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: createTenant,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantsQuery.queryKey }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const owner = { email: text(form, 'ownerEmail'), password: String(form.get('ownerPassword') ?? '') };
    create.mutate(
      { name: text(form, 'name'), slug: text(form, 'slug'), owner },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="new-tenant">
      <h2 id="new-tenant">{t.newTenant}</h2>
      <TextField label={t.name} name="name" required />
      <TextField label={t.slug} name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" hint={t.slugHint} />
      <TextField label={t.ownerEmail} name="ownerEmail" type="email" required />
      <TextField label={t.ownerPassword} name="ownerPassword" type="password" required autoComplete="new-password" />
      {create.error ? <ErrorNotice error={create.error} /> : null}
      {create.data ? <p role="status">{t.created(create.data.tenant.name)}</p> : null}
      <button type="submit" disabled={create.isPending}>
        {t.create}
      </button>
    </form>
  );
};

/** Why the operator acts in a tenant (kept in the audit event), then the switch. */
const ActIn = ({ tenant, onCancel }: { readonly tenant: Tenant; readonly onCancel: () => void }) => {
  const t = useMessages(messages);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: actInTenant,
    onSuccess: async () => {
      queryClient.clear();
      await navigate({ to: '/' });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    act.mutate({ tenant, reason: text(new FormData(event.currentTarget), 'reason') });
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby="act-in">
      <h2 id="act-in">{t.actInTenant(tenant.name)}</h2>
      <TextField label={t.reason} name="reason" required maxLength={500} />
      {act.error ? <ErrorNotice error={act.error} /> : null}
      <div className="row">
        <button type="submit" disabled={act.isPending}>
          {t.actInTenant(tenant.name)}
        </button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
};

/** The platform operator's tenants: list, create, deactivate or activate, act in one. */
export const Tenants = () => {
  const t = useMessages(messages);
  const { data } = useSuspenseQuery(tenantsQuery);
  const queryClient = useQueryClient();
  const [actingIn, setActingIn] = useState<Tenant | undefined>();
  const toggle = useMutation({
    mutationFn: setTenantActive,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantsQuery.queryKey }),
  });
  return (
    <>
      <h1>{t.title}</h1>
      {toggle.error ? <ErrorNotice error={toggle.error} /> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.slug}</th>
            <th scope="col">{t.status}</th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((tenant) => (
            <tr key={tenant.id}>
              <td>{tenant.name}</td>
              <td>{tenant.slug}</td>
              <td>{tenant.isActive ? t.active : t.inactive}</td>
              <td className="row">
                <button
                  type="button"
                  onClick={() => setActingIn(tenant)}
                  disabled={!tenant.isActive}
                  aria-label={t.actInTenant(tenant.name)}
                >
                  {t.actIn}
                </button>
                <button
                  type="button"
                  onClick={() => toggle.mutate({ id: tenant.id, isActive: !tenant.isActive })}
                  aria-label={tenant.isActive ? t.deactivateTenant(tenant.name) : t.activateTenant(tenant.name)}
                >
                  {tenant.isActive ? t.deactivate : t.activate}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {actingIn ? <ActIn tenant={actingIn} onCancel={() => setActingIn(undefined)} /> : <CreateTenant />}
    </>
  );
};
