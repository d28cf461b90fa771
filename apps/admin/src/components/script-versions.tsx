import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { rollbackScript, type ScriptView, scriptQuery, scriptVersionsQuery } from '../api/scripting.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { HistoryTable } from './history-table.js';
import { RevisionDiff } from './revision-diff.js';
import { LANGUAGE_NAMES, scriptNames } from './script-messages.js';

const messages = defineMessages({
  en: {
    heading: 'Versions',
    when: 'Saved',
    actions: 'Actions',
    current: 'current',
    compare: (n: number) => `Compare version ${n}`,
    rollback: (n: number) => `Roll back to version ${n}`,
    question: (n: number) => `Make the code of version ${n} the current code? It is saved as a new version; the history stays.`,
    confirm: 'Roll back',
    rolledBack: (n: number, current: number) => `Version ${n} is the current code again, as version ${current}.`,
    diffOf: (n: number) => `Version ${n} against the current source`,
  },
  ru: {
    heading: 'Версии',
    when: 'Сохранена',
    actions: 'Действия',
    current: 'текущая',
    compare: (n: number) => `Сравнить версию ${n}`,
    rollback: (n: number) => `Вернуть версию ${n}`,
    question: (n: number) => `Сделать код версии ${n} текущим? Он сохранится как новая версия; история останется.`,
    confirm: 'Вернуть',
    rolledBack: (n: number, current: number) => `Код версии ${n} снова текущий — как версия ${current}.`,
    diffOf: (n: number) => `Версия ${n} в сравнении с текущим кодом`,
  },
});

const useRollback = (script: ScriptView, onDone: () => void) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => rollbackScript(script.id, version),
    onSuccess: (next) => {
      queryClient.setQueryData(scriptQuery(script.id).queryKey, next);
      onDone();
      void queryClient.invalidateQueries({ queryKey: scriptVersionsQuery(script.id).queryKey });
      void queryClient.invalidateQueries({ queryKey: ['scripting', 'scripts'] });
    },
  });
};

/** A script's versions, newest first: compare one with the current source line by line, or roll back to it. */
export const ScriptVersions = ({ script, canRollback }: { readonly script: ScriptView; readonly canRollback: boolean }) => {
  const t = useMessages(messages);
  const n = useMessages(scriptNames);
  const versions = useQuery(scriptVersionsQuery(script.id));
  const [compared, setCompared] = useState<string | null>(null);
  const rollback = useRollback(script, () => setCompared(null));
  const items = versions.data ?? [];
  const chosen = items.find((v) => String(v.version) === compared);
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">{t.heading}</h2>
      {versions.error ? <ErrorNotice error={versions.error} /> : null}
      {rollback.error ? <ErrorNotice error={rollback.error} /> : null}
      {rollback.isSuccess ? <p role="status">{t.rolledBack(rollback.variables, script.version)}</p> : null}
      {items.length > 0 ? (
        <HistoryTable
          rows={items.map((v) => ({
            key: String(v.version),
            number: v.version,
            current: v.version === script.version,
            detail: LANGUAGE_NAMES[v.language],
            createdAt: v.createdAt,
          }))}
          labels={{ ...t, number: n.version, detail: n.language, restore: t.rollback }}
          rowTestId="version"
          compared={compared}
          onCompare={setCompared}
          {...(canRollback ? { restore: { pending: rollback.isPending, onRestore: (row) => rollback.mutate(row.number) } } : {})}
        />
      ) : null}
      {chosen ? <RevisionDiff label={t.diffOf(chosen.version)} before={chosen.source} after={script.source} /> : null}
    </section>
  );
};
