import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import {
  PENDING_REFRESH_MS,
  redeliverWebhook,
  webhookDeliveriesQuery,
  webhookDeliveryQuery,
  webhookEndpointQuery,
} from '../api/webhooks.js';
import { ErrorNotice } from '../components/error-notice.js';
import { AttemptList } from '../components/webhook-attempts.js';
import { webhookNames } from '../components/webhook-messages.js';
import { PayloadView } from '../components/webhook-payload.js';
import { useFormat } from '../i18n/format.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    back: (url: string) => `Back to ${url}`,
    title: (type: string) => `Delivery: ${type}`,
    messageId: 'Message id (webhook-id)',
    body: 'Body',
    attemptsTitle: 'Attempts',
    redeliver: 'Redeliver',
    redelivered: 'Sent again: the same message (same webhook-id), with the whole retry schedule ahead.',
  },
  ru: {
    back: (url: string) => `Назад к ${url}`,
    title: (type: string) => `Доставка: ${type}`,
    messageId: 'Идентификатор сообщения (webhook-id)',
    body: 'Тело запроса',
    attemptsTitle: 'Попытки',
    redeliver: 'Доставить снова',
    redelivered: 'Отправлено снова: то же сообщение (тот же webhook-id) и весь график повторов впереди.',
  },
});

/** One delivery: its message, its body as signed, every attempt, and "Redeliver"; refreshed while it is pending. */
export const WebhookDelivery = () => {
  const { id, deliveryId } = getRouteApi('/app/webhooks/$id/deliveries/$deliveryId').useParams();
  const t = useMessages(messages);
  const n = useMessages(webhookNames);
  const f = useFormat();
  const queryClient = useQueryClient();
  const { data: endpoint } = useSuspenseQuery(webhookEndpointQuery(id));
  const { data: me } = useSuspenseQuery(meQuery);
  const { data: delivery } = useSuspenseQuery({
    ...webhookDeliveryQuery(deliveryId),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? PENDING_REFRESH_MS : false),
  });
  const redeliver = useMutation({
    mutationFn: () => redeliverWebhook(deliveryId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: webhookDeliveryQuery(deliveryId).queryKey });
      void queryClient.invalidateQueries({ queryKey: webhookDeliveriesQuery(id).queryKey });
    },
  });
  return (
    <>
      <p>
        <Link to="/webhooks/$id" params={{ id }}>
          {t.back(endpoint.url)}
        </Link>
      </p>
      <h1>{t.title(delivery.eventType)}</h1>
      <dl className="facts">
        <dt>{n.status}</dt>
        <dd data-testid="delivery-status">{n[delivery.status]}</dd>
        <dt>{t.messageId}</dt>
        <dd>
          <code data-testid="message-id">{delivery.messageId}</code>
        </dd>
        <dt>{n.attempts}</dt>
        <dd data-testid="delivery-attempts">{f.number(delivery.attemptLog.length)}</dd>
        <dt>{n.created}</dt>
        <dd>{f.dateTime(delivery.createdAt)}</dd>
        {delivery.deliveredAt ? (
          <>
            <dt>{n.deliveredAt}</dt>
            <dd>{f.dateTime(delivery.deliveredAt)}</dd>
          </>
        ) : null}
        {delivery.nextAttemptAt && delivery.status === 'pending' ? (
          <>
            <dt>{n.nextAttempt}</dt>
            <dd>{f.dateTime(delivery.nextAttemptAt)}</dd>
          </>
        ) : null}
      </dl>
      {can(me, 'notifications.webhooks.manage') ? (
        <div className="row">
          <button type="button" disabled={redeliver.isPending} onClick={() => redeliver.mutate()}>
            {t.redeliver}
          </button>
          {redeliver.isSuccess ? <span role="status">{t.redelivered}</span> : null}
        </div>
      ) : null}
      {redeliver.error ? <ErrorNotice error={redeliver.error} /> : null}
      <h2>{t.body}</h2>
      <PayloadView payload={delivery.payload} label={t.body} />
      <h2>{t.attemptsTitle}</h2>
      <AttemptList attempts={delivery.attemptLog} />
    </>
  );
};
