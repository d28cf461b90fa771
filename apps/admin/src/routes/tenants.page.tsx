import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { actInTenant, createTenant, setTenantActive, type Tenant, tenantsQuery } from '../api/tenants.js';
import { ErrorNotice } from '../components/error-notice.js';
import { TextField } from '../components/text-field.js';

const text = (form: FormData, name: string): string => String(form.get(name) ?? '').trim();

/** Create a tenant with its owner. */
const CreateTenant = () => {
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
      <h2 id="new-tenant">New tenant</h2>
      <TextField label="Name" name="name" required />
      <TextField label="Slug" name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" hint="lower-case letters, digits and dashes" />
      <TextField label="Owner e-mail" name="ownerEmail" type="email" required />
      <TextField label="Owner password" name="ownerPassword" type="password" required autoComplete="new-password" />
      {create.error ? <ErrorNotice error={create.error} /> : null}
      {create.data ? <p role="status">Created {create.data.tenant.name}.</p> : null}
      <button type="submit" disabled={create.isPending}>
        Create tenant
      </button>
    </form>
  );
};

/** Why the operator acts in a tenant (kept in the audit event), then the switch. */
const ActIn = ({ tenant, onCancel }: { readonly tenant: Tenant; readonly onCancel: () => void }) => {
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
      <h2 id="act-in">Act in {tenant.name}</h2>
      <TextField label="Reason (kept in the audit log)" name="reason" required maxLength={500} />
      {act.error ? <ErrorNotice error={act.error} /> : null}
      <div className="row">
        <button type="submit" disabled={act.isPending}>
          Act in {tenant.name}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
};

/** The platform operator's tenants: list, create, deactivate or activate, act in one. */
export const Tenants = () => {
  const { data } = useSuspenseQuery(tenantsQuery);
  const queryClient = useQueryClient();
  const [actingIn, setActingIn] = useState<Tenant | undefined>();
  const toggle = useMutation({
    mutationFn: setTenantActive,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantsQuery.queryKey }),
  });
  return (
    <>
      <h1>Tenants</h1>
      {toggle.error ? <ErrorNotice error={toggle.error} /> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Slug</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((t) => (
            <tr key={t.id}>
              <td>{t.name}</td>
              <td>{t.slug}</td>
              <td>{t.isActive ? 'Active' : 'Inactive'}</td>
              <td className="row">
                <button type="button" onClick={() => setActingIn(t)} disabled={!t.isActive} aria-label={`Act in ${t.name}`}>
                  Act in
                </button>
                <button
                  type="button"
                  onClick={() => toggle.mutate({ id: t.id, isActive: !t.isActive })}
                  aria-label={`${t.isActive ? 'Deactivate' : 'Activate'} ${t.name}`}
                >
                  {t.isActive ? 'Deactivate' : 'Activate'}
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
