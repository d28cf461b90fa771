import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type ModuleInfo, modulesQuery, setModuleEnabled } from '../api/modules.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { type JsonSchema, pruned, SchemaField } from './schema-form.js';

const messages = defineMessages({
  en: {
    title: (name: string) => `${name} settings`,
    settings: 'Settings',
    saved: 'Settings saved.',
    save: 'Save settings',
    close: 'Close',
  },
  ru: {
    title: (name: string) => `Настройки модуля ${name}`,
    settings: 'Настройки',
    saved: 'Настройки сохранены.',
    save: 'Сохранить настройки',
    close: 'Закрыть',
  },
});

/** A module's settings as a form built from its JSON Schema (new settings show without a new build of the app). */
export const ModuleSettings = ({ module, onClose }: { readonly module: ModuleInfo; readonly onClose: () => void }) => {
  const t = useMessages(messages);
  const [value, setValue] = useState<unknown>(module.settings);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: setModuleEnabled,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: modulesQuery.queryKey }),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate({ slug: module.slug, enabled: module.enabled, settings: pruned(value) });
  };
  return (
    <form className="stack wide" onSubmit={submit} aria-labelledby="module-settings">
      <h2 id="module-settings">{t.title(module.name)}</h2>
      <SchemaField label={t.settings} schema={module.settingsSchema as JsonSchema} value={value} onChange={setValue} />
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {save.isSuccess ? <p role="status">{t.saved}</p> : null}
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          {t.save}
        </button>
        <button type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </form>
  );
};
