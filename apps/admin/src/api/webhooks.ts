import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { graphql, type ResultOf } from '../graphql/tada.js';
import { gql } from './graphql.js';
import {
  deliveryStatusOf,
  type EndpointDraft,
  headersOf,
  type WebhookDeliveryDetailView,
  type WebhookDeliveryView,
  type WebhookEndpointView,
} from './webhook-shapes.js';

export * from './webhook-shapes.js';

const EndpointFields = graphql(`
  fragment WebhookEndpointFields on WebhookEndpoint {
    id url description eventTypes headerNames active disabledReason disabledAt consecutiveFailures previousSecretUntil createdAt updatedAt
  }
`);

const DeliveryFields = graphql(`
  fragment WebhookDeliveryFields on WebhookDelivery {
    id endpointId messageId eventType status attempts nextAttemptAt lastStatus lastOutcome createdAt deliveredAt
  }
`);

const EndpointListDocument = graphql(
  `
  query WebhookEndpointList {
    webhookEndpoints(first: 100) { items { ...WebhookEndpointFields } }
  }
`,
  [EndpointFields],
);

const EndpointDocument = graphql(
  `
  query WebhookEndpointDetail($id: ID!) {
    webhookEndpoint(id: $id) { ...WebhookEndpointFields }
  }
`,
  [EndpointFields],
);

const EventTypesDocument = graphql(`
  query WebhookEventTypes {
    webhookEventTypes
  }
`);

const CreateEndpointDocument = graphql(
  `
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { ...WebhookEndpointFields secret }
  }
`,
  [EndpointFields],
);

const UpdateEndpointDocument = graphql(
  `
  mutation UpdateWebhookEndpoint($id: ID!, $input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(id: $id, input: $input) { ...WebhookEndpointFields }
  }
`,
  [EndpointFields],
);

const DeleteEndpointDocument = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id)
  }
`);

const RotateSecretDocument = graphql(
  `
  mutation RotateWebhookSecret($id: ID!, $keepPreviousForSeconds: Int) {
    rotateWebhookSecret(id: $id, keepPreviousForSeconds: $keepPreviousForSeconds) { ...WebhookEndpointFields secret }
  }
`,
  [EndpointFields],
);

const TestEndpointDocument = graphql(
  `
  mutation TestWebhookEndpoint($id: ID!) {
    testWebhookEndpoint(id: $id) { ...WebhookDeliveryFields }
  }
`,
  [DeliveryFields],
);

const DeliveryListDocument = graphql(
  `
  query WebhookDeliveryList($endpointId: ID!, $first: Int, $after: String) {
    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) { items { ...WebhookDeliveryFields } nextCursor }
  }
`,
  [DeliveryFields],
);

const DeliveryDocument = graphql(
  `
  query WebhookDeliveryDetail($id: ID!) {
    webhookDelivery(id: $id) {
      ...WebhookDeliveryFields
      payload
      attemptLog { id at outcome statusCode durationMs requestHeaders responseExcerpt error }
    }
  }
`,
  [DeliveryFields],
);

const RedeliverDocument = graphql(
  `
  mutation RedeliverWebhook($id: ID!) {
    redeliverWebhook(id: $id) { ...WebhookDeliveryFields }
  }
`,
  [DeliveryFields],
);

type EndpointNode = ResultOf<typeof EndpointFields>;
type DeliveryNode = ResultOf<typeof DeliveryFields>;
type DetailNode = NonNullable<ResultOf<typeof DeliveryDocument>['webhookDelivery']>;
type AttemptNode = NonNullable<DetailNode['attemptLog']>[number];

const endpointOf = (e: EndpointNode | null | undefined): WebhookEndpointView => {
  if (!e) throw new Error('no webhook endpoint in the answer');
  return {
    id: e.id ?? '',
    url: e.url ?? '',
    description: e.description ?? null,
    eventTypes: e.eventTypes ?? [],
    headerNames: e.headerNames ?? [],
    active: e.active ?? false,
    disabledReason: e.disabledReason ?? null,
    disabledAt: e.disabledAt ?? null,
    consecutiveFailures: e.consecutiveFailures ?? 0,
    previousSecretUntil: e.previousSecretUntil ?? null,
    createdAt: e.createdAt ?? '',
    updatedAt: e.updatedAt ?? '',
  };
};

const deliveryOf = (d: DeliveryNode | null | undefined): WebhookDeliveryView => {
  if (!d) throw new Error('no webhook delivery in the answer');
  return {
    id: d.id ?? '',
    endpointId: d.endpointId ?? '',
    messageId: d.messageId ?? '',
    eventType: d.eventType ?? '',
    status: deliveryStatusOf(d.status),
    attempts: d.attempts ?? 0,
    nextAttemptAt: d.nextAttemptAt ?? null,
    lastStatus: d.lastStatus ?? null,
    lastOutcome: d.lastOutcome ?? null,
    createdAt: d.createdAt ?? '',
    deliveredAt: d.deliveredAt ?? null,
  };
};

const attemptOf = (a: AttemptNode) => ({
  id: a.id ?? '',
  at: a.at ?? '',
  outcome: a.outcome ?? '',
  statusCode: a.statusCode ?? null,
  durationMs: a.durationMs ?? 0,
  requestHeaders: headersOf(a.requestHeaders),
  responseExcerpt: a.responseExcerpt ?? null,
  error: a.error ?? null,
});

const detailOf = (d: DetailNode | null | undefined): WebhookDeliveryDetailView => ({
  ...deliveryOf(d),
  payload: d?.payload ?? '',
  attemptLog: (d?.attemptLog ?? []).map(attemptOf),
});

/** While anything shown is still to be sent, the screens ask again this often (ms). */
export const PENDING_REFRESH_MS = 1_000;

export const webhookEndpointsQuery = queryOptions({
  queryKey: ['webhooks', 'endpoints'],
  queryFn: async () => ((await gql(EndpointListDocument)).webhookEndpoints?.items ?? []).map(endpointOf),
});

export const webhookEndpointQuery = (id: string) =>
  queryOptions({
    queryKey: ['webhooks', 'endpoint', id],
    queryFn: async () => endpointOf((await gql(EndpointDocument, { id })).webhookEndpoint),
  });

/** The deployment's event types (what an endpoint may subscribe to): they change only with a release. */
export const webhookEventTypesQuery = queryOptions({
  queryKey: ['webhooks', 'event-types'],
  queryFn: async () => (await gql(EventTypesDocument)).webhookEventTypes ?? [],
  staleTime: Number.POSITIVE_INFINITY,
});

/** Deliveries the endpoint's log loads at a time. */
export const DELIVERY_PAGE_SIZE = 25;

export interface WebhookDeliveryPage {
  readonly items: readonly WebhookDeliveryView[];
  readonly nextCursor: string | null;
}

/** An endpoint's deliveries, newest first, a page at a time (the server's cursors). */
export const webhookDeliveriesQuery = (endpointId: string) =>
  infiniteQueryOptions({
    queryKey: ['webhooks', 'deliveries', endpointId],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }): Promise<WebhookDeliveryPage> => {
      const list = (await gql(DeliveryListDocument, { endpointId, first: DELIVERY_PAGE_SIZE, after: pageParam })).webhookDeliveries;
      return { items: (list?.items ?? []).map(deliveryOf), nextCursor: list?.nextCursor ?? null };
    },
    getNextPageParam: (last: WebhookDeliveryPage) => last.nextCursor ?? undefined,
  });

export const webhookDeliveryQuery = (id: string) =>
  queryOptions({
    queryKey: ['webhooks', 'delivery', id],
    queryFn: async () => detailOf((await gql(DeliveryDocument, { id })).webhookDelivery),
  });

/** An endpoint as created or rotated: with its signing secret, shown this once. */
export interface EndpointWithSecret {
  readonly endpoint: WebhookEndpointView;
  readonly secret: string;
}

const withSecret = (e: (EndpointNode & { readonly secret?: string | null }) | null | undefined): EndpointWithSecret => ({
  endpoint: endpointOf(e),
  secret: e?.secret ?? '',
});

/** What a new endpoint sends (GraphQL's input and the REST body alike): a blank description is left out. */
export const createInputOf = ({ url, description, eventTypes, headers, active }: EndpointDraft) => ({
  url,
  eventTypes: [...eventTypes],
  active,
  ...(description.trim() ? { description: description.trim() } : {}),
  ...(headers ? { headers } : {}),
});

/** What an edit sends: an empty description clears it; headers only when they are replaced. */
export const updateInputOf = ({ url, description, eventTypes, headers, active }: EndpointDraft) => ({
  url,
  description: description.trim(),
  eventTypes: [...eventTypes],
  active,
  ...(headers ? { headers } : {}),
});

export const createWebhookEndpoint = async (draft: EndpointDraft): Promise<EndpointWithSecret> =>
  withSecret((await gql(CreateEndpointDocument, { input: createInputOf(draft) })).createWebhookEndpoint);

export const updateWebhookEndpoint = async (id: string, draft: EndpointDraft): Promise<WebhookEndpointView> =>
  endpointOf((await gql(UpdateEndpointDocument, { id, input: updateInputOf(draft) })).updateWebhookEndpoint);

/** On or off (on again also clears the failures of an endpoint the server turned off). */
export const setWebhookEndpointActive = async (id: string, active: boolean): Promise<WebhookEndpointView> =>
  endpointOf((await gql(UpdateEndpointDocument, { id, input: { active } })).updateWebhookEndpoint);

export const deleteWebhookEndpoint = async (id: string): Promise<void> => {
  await gql(DeleteEndpointDocument, { id });
};

export const rotateWebhookSecret = async (id: string, keepPreviousForSeconds: number): Promise<EndpointWithSecret> =>
  withSecret((await gql(RotateSecretDocument, { id, keepPreviousForSeconds })).rotateWebhookSecret);

export const testWebhookEndpoint = async (id: string): Promise<WebhookDeliveryView> =>
  deliveryOf((await gql(TestEndpointDocument, { id })).testWebhookEndpoint);

export const redeliverWebhook = async (id: string): Promise<WebhookDeliveryView> =>
  deliveryOf((await gql(RedeliverDocument, { id })).redeliverWebhook);
