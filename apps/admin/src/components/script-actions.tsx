import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { deleteScript, type ScriptView, scriptQuery, setScriptEnabled } from '../api/scripting.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ConfirmAction } from './confirm-action.js';
import { ErrorNotice } from './error-notice.js';

const messages = defineMessages({
  en: {
    enable: 'Enable',
    disable: 'Disable',
    remove: 'Delete script',
    question: 'Delete this script? Its versions, triggers, history and stored values go with it.',
    confirm: 'Delete',
  },
  ru: {
    enable: 'Включить',
    disable: 'Выключить',
    remove: 'Удалить скрипт',
    question: 'Удалить этот скрипт? Его версии, триггеры, история и сохранённые значения удалятся вместе с ним.',
    confirm: 'Удалить',
  },
});

/** Enable or disable the script (enabling also clears an automatic turn-off), or delete it after a confirmation. */
export const ScriptActions = ({ script }: { readonly script: ScriptView }) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => setScriptEnabled(script.id, enabled),
    onSuccess: (next) => {
      queryClient.setQueryData(scriptQuery(script.id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: ['scripting', 'scripts'] });
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteScript(script.id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: scriptQuery(script.id).queryKey });
      await queryClient.invalidateQueries({ queryKey: ['scripting', 'scripts'] });
      await navigate({ to: '/scripts' });
    },
  });
  return (
    <>
      <div className="row">
        <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate(!script.enabled)}>
          {script.enabled ? t.disable : t.enable}
        </button>
        <ConfirmAction
          label={t.remove}
          question={t.question}
          confirmLabel={t.confirm}
          disabled={remove.isPending}
          onConfirm={() => remove.mutate()}
        />
      </div>
      {toggle.error ? <ErrorNotice error={toggle.error} /> : null}
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
    </>
  );
};
