import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type ModuleInfo, modulesQuery, setModuleEnabled } from '../api/modules.js';
import { ErrorNotice } from './error-notice.js';
import { type JsonSchema, pruned, SchemaField } from './schema-form.js';

/** A module's settings as a form built from its JSON Schema (new settings show without a new build of the app). */
export const ModuleSettings = ({ module, onClose }: { readonly module: ModuleInfo; readonly onClose: () => void }) => {
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
      <h2 id="module-settings">{module.name} settings</h2>
      <SchemaField label="Settings" schema={module.settingsSchema as JsonSchema} value={value} onChange={setValue} />
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {save.isSuccess ? <p role="status">Settings saved.</p> : null}
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          Save settings
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
};
