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
import { DeliveryFacts } from '../components/webhook-delivery-facts.js';
import { PayloadView } from '../components/webhook-payload.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    back: (url: string) => `Back to ${url}`,
    title: (type: string) => `Delivery: ${type}`,
    body: 'Body',
    attemptsTitle: 'Attempts',
    redeliver: 'Redeliver',
    redelivered: 'Sent again: the same message (same webhook-id), with the whole retry schedule ahead.',
  },
  ru: {
    back: (url: string) => `Назад к ${url}`,
    title: (type: string) => `Доставка: ${type}`,
    body: 'Тело запроса',
    attemptsTitle: 'Попытки',
    redeliver: 'Доставить снова',
    redelivered: 'Отправлено снова: то же сообщение (тот же webhook-id) и весь график повторов впереди.',
  },
});

/** Redelivery of one delivery: its page and its endpoint's log read again. */
const useRedeliver = (endpointId: string, deliveryId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => redeliverWebhook(deliveryId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: webhookDeliveryQuery(deliveryId).queryKey });
      void queryClient.invalidateQueries({ queryKey: webhookDeliveriesQuery(endpointId).queryKey });
    },
  });
};

/** One delivery: its message, its body as signed, every attempt, and "Redeliver"; refreshed while it is pending. */
export const WebhookDelivery = () => {
  const { id, deliveryId } = getRouteApi('/app/webhooks/$id/deliveries/$deliveryId').useParams();
  const t = useMessages(messages);
  const { data: endpoint } = useSuspenseQuery(webhookEndpointQuery(id));
  const { data: me } = useSuspenseQuery(meQuery);
  const { data: delivery } = useSuspenseQuery({
    ...webhookDeliveryQuery(deliveryId),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? PENDING_REFRESH_MS : false),
  });
  const redeliver = useRedeliver(id, deliveryId);
  return (
    <>
      <p>
        <Link to="/webhooks/$id" params={{ id }}>
          {t.back(endpoint.url)}
        </Link>
      </p>
      <h1>{t.title(delivery.eventType)}</h1>
      <DeliveryFacts delivery={delivery} />
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
