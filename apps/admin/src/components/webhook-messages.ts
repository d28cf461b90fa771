import { defineMessages } from '../i18n/messages.js';

/** Texts the webhook screens share: the endpoint's fields, delivery statuses and outcomes. */
export const webhookNames = defineMessages({
  en: {
    url: 'URL',
    description: 'Description',
    eventTypes: 'Event types',
    headers: 'Custom headers',
    active: 'Active',
    status: 'Status',
    failures: 'Failures in a row',
    on: 'Active',
    off: 'Disabled',
    offGone: 'Disabled: the receiver answered 410 Gone',
    offFailing: 'Disabled: too many failures in a row',
    pending: 'Pending',
    delivered: 'Delivered',
    failed: 'Failed',
    cancelled: 'Cancelled',
    outcome_delivered: 'delivered',
    outcome_gone: 'gone (410)',
    outcome_failed: 'failed',
    outcome_refused: 'refused by the address guard',
    eventType: 'Event type',
    attempts: 'Attempts',
    lastStatus: 'Last status',
    created: 'Created',
    deliveredAt: 'Delivered',
    nextAttempt: 'Next attempt',
  },
  ru: {
    url: 'Адрес (URL)',
    description: 'Описание',
    eventTypes: 'Типы событий',
    headers: 'Свои заголовки',
    active: 'Включён',
    status: 'Состояние',
    failures: 'Неудач подряд',
    on: 'Включён',
    off: 'Выключен',
    offGone: 'Выключен: получатель ответил 410 Gone',
    offFailing: 'Выключен: слишком много неудач подряд',
    pending: 'Ожидает',
    delivered: 'Доставлено',
    failed: 'Не доставлено',
    cancelled: 'Отменено',
    outcome_delivered: 'доставлено',
    outcome_gone: 'адрес удалён (410)',
    outcome_failed: 'ошибка',
    outcome_refused: 'адрес запрещён защитой',
    eventType: 'Тип события',
    attempts: 'Попыток',
    lastStatus: 'Последний ответ',
    created: 'Создано',
    deliveredAt: 'Доставлено',
    nextAttempt: 'Следующая попытка',
  },
});

type Names = (typeof webhookNames)['en'];

/** An endpoint's state in words: active, or disabled and why. */
export const endpointStateOf = (t: Names, e: { readonly active: boolean; readonly disabledReason: string | null }): string => {
  if (e.active) return t.on;
  if (e.disabledReason === 'gone') return t.offGone;
  if (e.disabledReason === 'failing') return t.offFailing;
  return t.off;
};

/** An attempt's outcome in words (an unknown one as the server wrote it). */
export const outcomeOf = (t: Names, outcome: string): string => {
  const key = `outcome_${outcome}`;
  return key in t ? t[key as keyof Names] : outcome;
};
