import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createScript, createScriptInputOf, type ScriptDraft, scriptQuery } from '../api/scripting.js';
import { ScriptForm } from '../components/script-form.js';
import { useContractCheck } from '../contracts/use-contract-check.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: { back: 'All scripts', title: 'New script', create: 'Create script' },
  ru: { back: 'Все скрипты', title: 'Новый скрипт', create: 'Создать скрипт' },
});

/** A new script; once created, its page opens (with the dry-run console). */
export const ScriptNew = () => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const check = useContractCheck('POST /api/v1/scripting/scripts');
  const create = useMutation({
    mutationFn: (draft: ScriptDraft) => {
      check(createScriptInputOf(draft));
      return createScript(draft);
    },
    onSuccess: async (script) => {
      queryClient.setQueryData(scriptQuery(script.id).queryKey, script);
      void queryClient.invalidateQueries({ queryKey: ['scripting', 'scripts'] });
      await navigate({ to: '/scripts/$id', params: { id: script.id } });
    },
  });
  return (
    <>
      <p>
        <Link to="/scripts">{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      <ScriptForm submitLabel={t.create} pending={create.isPending} error={create.error} onSubmit={(draft) => create.mutate(draft)} />
    </>
  );
};
