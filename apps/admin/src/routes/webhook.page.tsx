import { useMutation, useQueryClient, useSuspenseInfiniteQuery, useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { meQuery } from '../api/auth.js';
import { can } from '../api/permissions.js';
import {
  deleteWebhookEndpoint,
  type EndpointDraft,
  PENDING_REFRESH_MS,
  rotateWebhookSecret,
  setWebhookEndpointActive,
  testWebhookEndpoint,
  updateInputOf,
  updateWebhookEndpoint,
  type WebhookDeliveryPage,
  type WebhookEndpointView,
  webhookDeliveriesQuery,
  webhookEndpointQuery,
  webhookEventTypesQuery,
} from '../api/webhooks.js';
import { ConfirmAction } from '../components/confirm-action.js';
import { ErrorNotice } from '../components/error-notice.js';
import { DeliveryTable } from '../components/webhook-delivery-table.js';
import { EndpointFacts } from '../components/webhook-endpoint-facts.js';
import { WebhookForm } from '../components/webhook-form.js';
import { RotateSecret } from '../components/webhook-rotate.js';
import { useContractCheck } from '../contracts/use-contract-check.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    back: 'All webhooks',
    enable: 'Enable',
    disable: 'Disable',
    test: 'Send test',
    testQueued: 'A test message is on its way: it shows in the log below.',
    remove: 'Delete endpoint',
    question: 'Delete this endpoint? Its pending deliveries are dropped and its log goes with it.',
    confirm: 'Delete',
    edit: 'Edit',
    save: 'Save endpoint',
    saved: 'Endpoint saved.',
    log: 'Delivery log',
    none: 'Nothing delivered yet.',
    more: 'More deliveries',
  },
  ru: {
    back: 'Все вебхуки',
    enable: 'Включить',
    disable: 'Выключить',
    test: 'Отправить проверку',
    testQueued: 'Проверочное сообщение отправляется: оно появится в журнале ниже.',
    remove: 'Удалить адрес',
    question: 'Удалить этот адрес? Неотправленные доставки будут отменены, журнал удалится вместе с ним.',
    confirm: 'Удалить',
    edit: 'Изменить',
    save: 'Сохранить адрес',
    saved: 'Адрес сохранён.',
    log: 'Журнал доставок',
    none: 'Пока ничего не доставлялось.',
    more: 'Ещё доставки',
  },
});

/** While a delivery is pending the log asks every second; otherwise every few seconds, so new events show up. */
const IDLE_REFRESH_MS = 5_000;
const refreshEvery = (pages: readonly WebhookDeliveryPage[] | undefined): number =>
  pages?.some((p) => p.items.some((d) => d.status === 'pending')) ? PENDING_REFRESH_MS : IDLE_REFRESH_MS;

const DeliveryLog = ({ endpointId }: { readonly endpointId: string }) => {
  const t = useMessages(messages);
  const list = useSuspenseInfiniteQuery({
    ...webhookDeliveriesQuery(endpointId),
    refetchInterval: (query) => refreshEvery(query.state.data?.pages),
  });
  const deliveries = list.data.pages.flatMap((page) => page.items);
  return (
    <section aria-labelledby="delivery-log">
      <h2 id="delivery-log">{t.log}</h2>
      {deliveries.length === 0 ? <p>{t.none}</p> : <DeliveryTable endpointId={endpointId} deliveries={deliveries} />}
      {list.hasNextPage ? (
        <button type="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
          {t.more}
        </button>
      ) : null}
    </section>
  );
};

/** The changes of one endpoint, each refreshing what it touches. */
const useEndpointChanges = (id: string) => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const check = useContractCheck('PATCH /api/v1/notifications/webhooks/{id}');
  const changed = (next: WebhookEndpointView) => {
    queryClient.setQueryData(webhookEndpointQuery(id).queryKey, next);
    void queryClient.invalidateQueries({ queryKey: ['webhooks', 'endpoints'] });
  };
  return {
    save: useMutation({
      mutationFn: (draft: EndpointDraft) => {
        check(updateInputOf(draft));
        return updateWebhookEndpoint(id, draft);
      },
      onSuccess: changed,
    }),
    toggle: useMutation({ mutationFn: (active: boolean) => setWebhookEndpointActive(id, active), onSuccess: changed }),
    rotate: useMutation({ mutationFn: (keep: number) => rotateWebhookSecret(id, keep), onSuccess: ({ endpoint }) => changed(endpoint) }),
    test: useMutation({
      mutationFn: () => testWebhookEndpoint(id),
      onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookDeliveriesQuery(id).queryKey }),
    }),
    remove: useMutation({
      mutationFn: () => deleteWebhookEndpoint(id),
      onSuccess: async () => {
        queryClient.removeQueries({ queryKey: webhookEndpointQuery(id).queryKey });
        await queryClient.invalidateQueries({ queryKey: ['webhooks', 'endpoints'] });
        await navigate({ to: '/webhooks' });
      },
    }),
  };
};

type Changes = ReturnType<typeof useEndpointChanges>;

const Actions = ({ endpoint, changes }: { readonly endpoint: WebhookEndpointView; readonly changes: Changes }) => {
  const t = useMessages(messages);
  const { toggle, test, remove } = changes;
  return (
    <>
      <div className="row">
        <button type="button" disabled={toggle.isPending} onClick={() => toggle.mutate(!endpoint.active)}>
          {endpoint.active ? t.disable : t.enable}
        </button>
        <button type="button" disabled={test.isPending || !endpoint.active} onClick={() => test.mutate()}>
          {t.test}
        </button>
        <ConfirmAction
          label={t.remove}
          question={t.question}
          confirmLabel={t.confirm}
          disabled={remove.isPending}
          onConfirm={() => remove.mutate()}
        />
      </div>
      {test.isSuccess ? <p role="status">{t.testQueued}</p> : null}
      {[toggle.error, test.error, remove.error].map((error, n) =>
        error ? <ErrorNotice key={['toggle', 'test', 'remove'][n]} error={error} /> : null,
      )}
    </>
  );
};

const EditEndpoint = (props: {
  readonly endpoint: WebhookEndpointView;
  readonly eventTypes: readonly string[];
  readonly changes: Changes;
}) => {
  const { endpoint, eventTypes, changes } = props;
  const t = useMessages(messages);
  return (
    <>
      <section aria-labelledby="edit-endpoint">
        <h2 id="edit-endpoint">{t.edit}</h2>
        {changes.save.isSuccess ? <p role="status">{t.saved}</p> : null}
        <WebhookForm
          key={endpoint.updatedAt}
          endpoint={endpoint}
          eventTypes={eventTypes}
          submitLabel={t.save}
          pending={changes.save.isPending}
          error={changes.save.error}
          onSubmit={(draft) => changes.save.mutate(draft)}
        />
      </section>
      <RotateSecret
        previousSecretUntil={endpoint.previousSecretUntil}
        secret={changes.rotate.data?.secret ?? null}
        pending={changes.rotate.isPending}
        error={changes.rotate.error}
        onRotate={(keep) => changes.rotate.mutate(keep)}
      />
    </>
  );
};

/** One endpoint: what it is, its actions, its fields, its secret's rotation, and its delivery log. */
export const WebhookEndpoint = () => {
  const { id } = getRouteApi('/app/webhooks/$id').useParams();
  const t = useMessages(messages);
  const { data: endpoint } = useSuspenseQuery(webhookEndpointQuery(id));
  const { data: eventTypes } = useSuspenseQuery(webhookEventTypesQuery);
  const { data: me } = useSuspenseQuery(meQuery);
  const changes = useEndpointChanges(id);
  const manage = can(me, 'notifications.webhooks.manage');
  return (
    <>
      <p>
        <Link to="/webhooks">{t.back}</Link>
      </p>
      <h1>{endpoint.url}</h1>
      {endpoint.description ? <p>{endpoint.description}</p> : null}
      <EndpointFacts endpoint={endpoint} />
      {manage ? <Actions endpoint={endpoint} changes={changes} /> : null}
      <DeliveryLog endpointId={id} />
      {manage ? <EditEndpoint endpoint={endpoint} eventTypes={eventTypes} changes={changes} /> : null}
    </>
  );
};
