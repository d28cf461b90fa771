import { useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { meQuery } from '../api/auth.js';
import { modulesQuery } from '../api/modules.js';
import { can } from '../api/permissions.js';
import { ModuleRow } from '../components/module-row.js';
import { ModuleSettings } from '../components/module-settings.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { title: 'Modules', module: 'Module', kind: 'Kind', dependencies: 'Dependencies', status: 'Status', actions: 'Actions' },
  ru: { title: 'Модули', module: 'Модуль', kind: 'Вид', dependencies: 'Зависимости', status: 'Состояние', actions: 'Действия' },
});

/** The tenant's modules: which are on, what each needs, and switching optional ones (the server refuses what dependencies forbid). */
export const Modules = () => {
  const t = useMessages(messages);
  const { data: modules } = useSuspenseQuery(modulesQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const manage = can(me, 'tenancy.modules.manage');
  const [editing, setEditing] = useState<string | undefined>();
  const editedModule = modules.find((m) => m.slug === editing);
  return (
    <>
      <h1>{t.title}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.module}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.dependencies}</th>
            <th scope="col">{t.status}</th>
            {manage ? <th scope="col">{t.actions}</th> : null}
          </tr>
        </thead>
        <tbody>
          {modules.map((m) => (
            <ModuleRow key={m.slug} module={m} all={modules} manage={manage} onSettings={setEditing} />
          ))}
        </tbody>
      </table>
      {editedModule ? <ModuleSettings key={editedModule.slug} module={editedModule} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
};
