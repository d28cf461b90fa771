import type { WebhookEndpointView } from '../api/webhook-shapes.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { endpointStateOf, webhookNames } from './webhook-messages.js';

const messages = defineMessages({
  en: { since: 'Disabled on', updated: 'Changed', none: 'none' },
  ru: { since: 'Выключен', updated: 'Изменён', none: 'нет' },
});

/** What an endpoint is now: state (and why disabled), failures in a row, event types, header names, dates. */
export const EndpointFacts = ({ endpoint: e }: { readonly endpoint: WebhookEndpointView }) => {
  const t = useMessages(messages);
  const n = useMessages(webhookNames);
  const f = useFormat();
  return (
    <dl className="facts">
      <dt>{n.status}</dt>
      <dd data-testid="endpoint-state">{endpointStateOf(n, e)}</dd>
      {e.disabledAt ? (
        <>
          <dt>{t.since}</dt>
          <dd>{f.dateTime(e.disabledAt)}</dd>
        </>
      ) : null}
      <dt>{n.failures}</dt>
      <dd>{f.number(e.consecutiveFailures)}</dd>
      <dt>{n.eventTypes}</dt>
      <dd>
        <code>{e.eventTypes.join(', ')}</code>
      </dd>
      <dt>{n.headers}</dt>
      <dd>{e.headerNames.length > 0 ? <code>{e.headerNames.join(', ')}</code> : t.none}</dd>
      <dt>{n.created}</dt>
      <dd>{f.dateTime(e.createdAt)}</dd>
      <dt>{t.updated}</dt>
      <dd>{f.dateTime(e.updatedAt)}</dd>
    </dl>
  );
};
