import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import {
  createInputOf,
  createWebhookEndpoint,
  type EndpointDraft,
  type EndpointWithSecret,
  webhookEndpointQuery,
  webhookEventTypesQuery,
} from '../api/webhooks.js';
import { WebhookForm } from '../components/webhook-form.js';
import { WebhookSecret } from '../components/webhook-secret.js';
import { useContractCheck } from '../contracts/use-contract-check.js';
import { defineMessages, useMessages } from '../i18n/messages.js';

const messages = defineMessages({
  en: {
    back: 'All webhooks',
    title: 'New endpoint',
    create: 'Create endpoint',
    created: 'Endpoint created.',
    open: 'Open the endpoint',
  },
  ru: {
    back: 'Все вебхуки',
    title: 'Новый адрес',
    create: 'Создать адрес',
    created: 'Адрес создан.',
    open: 'Открыть адрес',
  },
});

const Created = ({ created }: { readonly created: EndpointWithSecret }) => {
  const t = useMessages(messages);
  return (
    <>
      <p role="status">{t.created}</p>
      <WebhookSecret secret={created.secret} />
      <p>
        <Link to="/webhooks/$id" params={{ id: created.endpoint.id }}>
          {t.open}
        </Link>
      </p>
    </>
  );
};

/** A new endpoint; once created, its signing secret is shown this one time. */
export const WebhookNew = () => {
  const t = useMessages(messages);
  const queryClient = useQueryClient();
  const { data: eventTypes } = useSuspenseQuery(webhookEventTypesQuery);
  const check = useContractCheck('POST /api/v1/notifications/webhooks');
  const create = useMutation({
    mutationFn: (draft: EndpointDraft) => {
      check(createInputOf(draft));
      return createWebhookEndpoint(draft);
    },
    onSuccess: ({ endpoint }) => {
      queryClient.setQueryData(webhookEndpointQuery(endpoint.id).queryKey, endpoint);
      void queryClient.invalidateQueries({ queryKey: ['webhooks', 'endpoints'] });
    },
  });
  return (
    <>
      <p>
        <Link to="/webhooks">{t.back}</Link>
      </p>
      <h1>{t.title}</h1>
      {create.data ? (
        <Created created={create.data} />
      ) : (
        <WebhookForm
          eventTypes={eventTypes}
          submitLabel={t.create}
          pending={create.isPending}
          error={create.error}
          onSubmit={(draft) => create.mutate(draft)}
        />
      )}
    </>
  );
};
