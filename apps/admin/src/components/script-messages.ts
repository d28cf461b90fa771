import type { ScriptLanguage, TriggerView } from '../api/scripting-shapes.js';
import { defineMessages } from '../i18n/messages.js';

/** The languages by their names (the same in every language of the UI). */
export const LANGUAGE_NAMES: Readonly<Record<ScriptLanguage, string>> = { js: 'JavaScript', ts: 'TypeScript' };

/** Texts the script screens share: a script's fields, its state, trigger kinds and run statuses. */
export const scriptNames = defineMessages({
  en: {
    name: 'Name',
    description: 'Description',
    language: 'Language',
    source: 'Source',
    status: 'Status',
    triggers: 'Triggers',
    version: 'Version',
    enabled: 'Enabled',
    disabled: 'Disabled',
    disabledFailing: 'Disabled: too many failures in a row',
    kind_manual: 'By hand',
    kind_event: 'On events',
    kind_cron: 'On a schedule',
    kind_http: 'HTTP endpoint',
    kind_validate: 'Validate writes',
    noTriggers: 'none',
    queued: 'Queued',
    succeeded: 'Succeeded',
    failed: 'Failed',
  },
  ru: {
    name: 'Имя',
    description: 'Описание',
    language: 'Язык',
    source: 'Код',
    status: 'Состояние',
    triggers: 'Запуск',
    version: 'Версия',
    enabled: 'Включён',
    disabled: 'Выключен',
    disabledFailing: 'Выключен: слишком много неудач подряд',
    kind_manual: 'Вручную',
    kind_event: 'По событиям',
    kind_cron: 'По расписанию',
    kind_http: 'HTTP-адрес',
    kind_validate: 'Проверка записи',
    noTriggers: 'нет',
    queued: 'В очереди',
    succeeded: 'Успешно',
    failed: 'Ошибка',
  },
});

type Names = (typeof scriptNames)['en'];

/** A script's state in words: enabled, or disabled and why. */
export const scriptStateOf = (t: Names, s: { readonly enabled: boolean; readonly disabledReason: string | null }): string => {
  if (s.enabled) return t.enabled;
  return s.disabledReason === 'failing' ? t.disabledFailing : t.disabled;
};

/** One trigger in words: its kind and what it names (event patterns, the cron expression, the writes). */
export const triggerSummaryOf = (t: Names, trigger: TriggerView): string => {
  const kind = t[`kind_${trigger.kind}` as const];
  if (trigger.kind === 'event') return `${kind}: ${trigger.eventTypes.join(', ')}`;
  if (trigger.kind === 'cron') return `${kind}: ${trigger.cron ?? ''}`;
  if (trigger.kind === 'validate') return `${kind}: ${trigger.writes.join(', ')}`;
  return kind;
};

/** A run's status in words (an unknown one as the server wrote it). */
export const runStatusOf = (t: Names, status: string): string =>
  status === 'queued' || status === 'succeeded' || status === 'failed' ? t[status] : status;
