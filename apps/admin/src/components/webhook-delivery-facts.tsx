import type { WebhookDeliveryDetailView } from '../api/webhook-shapes.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';
import { webhookNames } from './webhook-messages.js';

const messages = defineMessages({
  en: { messageId: 'Message id (webhook-id)' },
  ru: { messageId: 'Идентификатор сообщения (webhook-id)' },
});

/** A delivery in short: status, webhook-id, every attempt it had (redeliveries included), when created, delivered, tried next. */
export const DeliveryFacts = ({ delivery: d }: { readonly delivery: WebhookDeliveryDetailView }) => {
  const t = useMessages(messages);
  const n = useMessages(webhookNames);
  const f = useFormat();
  return (
    <dl className="facts">
      <dt>{n.status}</dt>
      <dd data-testid="delivery-status">{n[d.status]}</dd>
      <dt>{t.messageId}</dt>
      <dd>
        <code data-testid="message-id">{d.messageId}</code>
      </dd>
      <dt>{n.attempts}</dt>
      <dd data-testid="delivery-attempts">{f.number(d.attemptLog.length)}</dd>
      <dt>{n.created}</dt>
      <dd>{f.dateTime(d.createdAt)}</dd>
      {d.deliveredAt ? (
        <>
          <dt>{n.deliveredAt}</dt>
          <dd>{f.dateTime(d.deliveredAt)}</dd>
        </>
      ) : null}
      {d.nextAttemptAt && d.status === 'pending' ? (
        <>
          <dt>{n.nextAttempt}</dt>
          <dd>{f.dateTime(d.nextAttemptAt)}</dd>
        </>
      ) : null}
    </dl>
  );
};
