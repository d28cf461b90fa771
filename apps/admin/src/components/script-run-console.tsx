import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { dryRunScript, isJsonObject, runScript, scriptExecutionsQuery, scriptQuery } from '../api/scripting.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { ErrorNotice } from './error-notice.js';
import { LabelledTextarea } from './flex-inputs.js';
import type { ScriptCode } from './script-form.js';
import { ScriptRunReport } from './script-run-report.js';

const messages = defineMessages({
  en: {
    heading: 'Try it',
    intro:
      'A dry run runs the code as it is in the editor (saved or not) with nothing written, sent or logged; a run runs the saved version for real.',
    input: 'Input (JSON, ctx.input)',
    event: 'Test event for a dry run (JSON object, ctx.event; empty: none)',
    eventHint: 'As an event trigger hands it, e.g. { "type": "commerce.product.published", "data": { "productId": "…" } }.',
    dry: 'Run dry',
    run: 'Run',
    badJson: (detail: string) => `The input is not JSON: ${detail}`,
    badEvent: (detail: string) => `The test event is not a JSON object: ${detail}`,
  },
  ru: {
    heading: 'Проверка',
    intro:
      'Пробный запуск выполняет код из редактора (сохранённый или нет), ничего не записывая, не отправляя и не внося в журнал; запуск выполняет сохранённую версию по-настоящему.',
    input: 'Вход (JSON, ctx.input)',
    event: 'Тестовое событие для пробного запуска (объект JSON, ctx.event; пусто — без события)',
    eventHint: 'Так, как его передаёт триггер события, например { "type": "commerce.product.published", "data": { "productId": "…" } }.',
    dry: 'Пробный запуск',
    run: 'Запустить',
    badJson: (detail: string) => `Вход — не JSON: ${detail}`,
    badEvent: (detail: string) => `Тестовое событие — не объект JSON: ${detail}`,
  },
});

/** The input as typed: empty is no input; otherwise JSON (its error thrown in words). */
const inputOf = (text: string, badJson: (detail: string) => string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(badJson(error instanceof Error ? error.message : String(error)));
  }
};

/** The test event as typed: empty is none; otherwise a JSON object. */
const eventOf = (text: string, badEvent: (detail: string) => string): Record<string, unknown> | undefined => {
  const value = inputOf(text, badEvent);
  if (value === undefined) return undefined;
  if (!isJsonObject(value)) throw new Error(badEvent('not an object'));
  return value;
};

interface Props {
  readonly scriptId: string;
  /** The editor's code when it differs from the saved one (a dry run runs it). */
  readonly code: ScriptCode | null;
}

/** A dry run or a real run of the script with an input, and the report of the last one. */
export const ScriptRunConsole = ({ scriptId, code }: Props) => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const [text, setText] = useState('{}');
  const [eventText, setEventText] = useState('');
  const run = useMutation({
    mutationFn: (dry: boolean) => {
      const input = inputOf(text, t.badJson);
      if (!dry) return runScript(scriptId, { input });
      const event = eventOf(eventText, t.badEvent);
      return dryRunScript(scriptId, { input, ...(code ? { code } : {}), ...(event ? { event } : {}) });
    },
    onSuccess: (report) => {
      if (report.dryRun) return;
      void queryClient.invalidateQueries({ queryKey: scriptExecutionsQuery(scriptId).queryKey });
      void queryClient.invalidateQueries({ queryKey: scriptQuery(scriptId).queryKey });
    },
  });
  return (
    <section aria-labelledby="run-console">
      <h2 id="run-console">{t.heading}</h2>
      <p className="hint">{t.intro}</p>
      <div className="stack wide">
        <LabelledTextarea label={t.input} rows={4} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
        <LabelledTextarea
          label={t.event}
          rows={3}
          value={eventText}
          spellCheck={false}
          placeholder={t.eventHint}
          onChange={(e) => setEventText(e.target.value)}
        />
        <div className="row">
          <button type="button" disabled={run.isPending} onClick={() => run.mutate(true)}>
            {t.dry}
          </button>
          <button type="button" disabled={run.isPending} onClick={() => run.mutate(false)}>
            {t.run}
          </button>
        </div>
      </div>
      {run.error ? <ErrorNotice error={run.error} /> : null}
      {run.data && !run.isPending ? <ScriptRunReport report={run.data} /> : null}
    </section>
  );
};
