import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import { type ScriptDraft, scriptQuery, scriptVersionsQuery, updateScript, updateScriptInputOf } from '../api/scripting.js';
import { ScriptActions } from '../components/script-actions.js';
import { ScriptExecutions } from '../components/script-executions.js';
import { type ScriptCode, ScriptForm } from '../components/script-form.js';
import { LANGUAGE_NAMES, scriptNames, scriptStateOf, triggerSummaryOf } from '../components/script-messages.js';
import { ScriptRunConsole } from '../components/script-run-console.js';
import { ScriptVersions } from '../components/script-versions.js';
import { useContractCheck } from '../contracts/use-contract-check.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    back: 'All scripts',
    failures: 'Failures in a row',
    edit: 'Code and triggers',
    save: 'Save script',
    saved: (version: number) => `Script saved (version ${version}).`,
  },
  ru: {
    back: 'Все скрипты',
    failures: 'Неудач подряд',
    edit: 'Код и триггеры',
    save: 'Сохранить скрипт',
    saved: (version: number) => `Скрипт сохранён (версия ${version}).`,
  },
});

const useSave = (id: string) => {
  const queryClient = useQueryClient();
  const check = useContractCheck('PATCH /api/v1/scripting/scripts/{id}');
  return useMutation({
    mutationFn: (draft: ScriptDraft) => {
      check(updateScriptInputOf(draft));
      return updateScript(id, draft);
    },
    onSuccess: (next) => {
      queryClient.setQueryData(scriptQuery(id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: scriptVersionsQuery(id).queryKey });
      void queryClient.invalidateQueries({ queryKey: ['scripting', 'scripts'] });
    },
  });
};

/** One script: its state, actions, editor and triggers, the dry-run console, its history and its versions. */
export const Script = () => {
  const { id } = getRouteApi('/app/scripts/$id').useParams();
  const t = useMessages(messages);
  const n = useMessages(scriptNames);
  const f = useFormat();
  const { data: script } = useSuspenseQuery(scriptQuery(id));
  const { data: me } = useSuspenseQuery(meQuery);
  const save = useSave(id);
  // The editor's code, for the version it was edited from (a save or rollback starts the editor anew).
  const [code, setCode] = useState<{ readonly version: number; readonly code: ScriptCode } | null>(null);
  const manage = can(me, 'scripting.scripts.manage');
  const mine = code?.version === script.version ? code.code : null;
  const edited = mine && (mine.source !== script.source || mine.language !== script.language) ? mine : null;
  return (
    <>
      <p>
        <Link to="/scripts">{t.back}</Link>
      </p>
      <h1>{script.name}</h1>
      {script.description ? <p>{script.description}</p> : null}
      <dl className="facts">
        <dt>{n.status}</dt>
        <dd data-testid="script-state">{scriptStateOf(n, script)}</dd>
        <dt>{n.version}</dt>
        <dd data-testid="script-version">{script.version}</dd>
        <dt>{n.language}</dt>
        <dd>{LANGUAGE_NAMES[script.language]}</dd>
        <dt>{n.triggers}</dt>
        <dd>{script.triggers.length === 0 ? n.noTriggers : script.triggers.map((tr) => triggerSummaryOf(n, tr)).join('; ')}</dd>
        <dt>{t.failures}</dt>
        <dd>{f.number(script.consecutiveFailures)}</dd>
      </dl>
      {manage ? <ScriptActions script={script} /> : null}
      <section aria-labelledby="edit-script">
        <h2 id="edit-script">{t.edit}</h2>
        {save.isSuccess ? <p role="status">{t.saved(save.data.version)}</p> : null}
        <ScriptForm
          key={script.version}
          script={script}
          submitLabel={t.save}
          pending={save.isPending || !manage}
          error={save.error}
          onSubmit={(draft) => save.mutate(draft)}
          onCode={(next) => setCode({ version: script.version, code: next })}
        />
      </section>
      {can(me, 'scripting.scripts.execute') ? <ScriptRunConsole scriptId={id} code={edited} /> : null}
      <ScriptExecutions scriptId={id} />
      <ScriptVersions script={script} canRollback={manage} />
    </>
  );
};
