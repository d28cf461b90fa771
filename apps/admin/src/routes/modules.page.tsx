import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { meQuery } from '../api/auth.js';
import { modulesQuery, setModuleEnabled } from '../api/modules.js';
import { can } from '../api/permissions.js';
import { ErrorNotice } from '../components/error-notice.js';
import { ModuleSettings } from '../components/module-settings.js';

/** The tenant's modules: which are on, and switching optional ones (the server refuses what dependencies forbid). */
export const Modules = () => {
  const { data: modules } = useSuspenseQuery(modulesQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const queryClient = useQueryClient();
  const manage = can(me, 'tenancy.modules.manage');
  const [editing, setEditing] = useState<string | undefined>();
  const editedModule = modules.find((m) => m.slug === editing);
  const toggle = useMutation({
    mutationFn: setModuleEnabled,
    onSettled: () => queryClient.invalidateQueries({ queryKey: modulesQuery.queryKey }),
  });
  return (
    <>
      <h1>Modules</h1>
      {toggle.error ? <ErrorNotice error={toggle.error} /> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col">Kind</th>
            <th scope="col">Needs</th>
            <th scope="col">Status</th>
            {manage ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {modules.map((m) => (
            <tr key={m.slug}>
              <td>
                <strong>{m.name}</strong>
                <br />
                <small>{m.description}</small>
              </td>
              <td>{m.kind}</td>
              <td>{m.dependencies.join(', ') || '—'}</td>
              <td>{m.enabled ? 'On' : 'Off'}</td>
              {manage ? (
                <td>
                  {m.settingsSchema ? (
                    <button type="button" onClick={() => setEditing(m.slug)} aria-label={`Settings of ${m.name}`}>
                      Settings
                    </button>
                  ) : null}{' '}
                  {m.kind === 'optional' ? (
                    <button
                      type="button"
                      disabled={toggle.isPending}
                      onClick={() => toggle.mutate({ slug: m.slug, enabled: !m.enabled })}
                      aria-label={`${m.enabled ? 'Switch off' : 'Switch on'} ${m.name}`}
                    >
                      {m.enabled ? 'Switch off' : 'Switch on'}
                    </button>
                  ) : (
                    <small>always on</small>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {editedModule ? <ModuleSettings key={editedModule.slug} module={editedModule} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
};
