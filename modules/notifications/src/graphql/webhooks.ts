import { connectionType, type GraphQLBuilder, pageOf, withoutNulls } from '@rustok/kernel';
import { graphqlNotificationsContextOf as contextOf } from '../context.js';
import type {
  CreateEndpointInput,
  UpdateEndpointInput,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '../schemas.js';
import { createEndpoint } from '../use-cases/create-endpoint.js';
import { deleteEndpoint } from '../use-cases/delete-endpoint.js';
import { getDelivery, listDeliveries, redeliver, sendTest } from '../use-cases/deliveries.js';
import { getEndpoint, listEndpoints } from '../use-cases/read-endpoints.js';
import { rotateSecret } from '../use-cases/rotate-secret.js';
import { updateEndpoint } from '../use-cases/update-endpoint.js';

const read = { permission: 'notifications.webhooks.read' };
const manage = { permission: 'notifications.webhooks.manage' };

/** GraphQL hands inputs over with nulls for absent values; the use-cases check them against the REST schemas. */
const inputOf = <T>(value: unknown): T => withoutNulls(value) as T;

type EndpointShape = WebhookEndpoint | WebhookEndpointWithSecret;

const addEndpointTypes = (builder: GraphQLBuilder) => {
  const Endpoint = builder.objectRef<EndpointShape>('WebhookEndpoint').implement({
    description: 'Where a tenant receives its events, signed per Standard Webhooks',
    fields: (t) => ({
      id: t.exposeID('id'),
      url: t.exposeString('url'),
      description: t.exposeString('description', { nullable: true }),
      eventTypes: t.exposeStringList('eventTypes', { description: 'Exact types, prefixes ending in .*, or * for every event' }),
      headerNames: t.exposeStringList('headerNames', { description: 'Custom header names (their values are never shown)' }),
      active: t.exposeBoolean('active'),
      disabledReason: t.exposeString('disabledReason', {
        nullable: true,
        description: 'gone (it answered 410) or failing (too many failures in a row)',
      }),
      disabledAt: t.expose('disabledAt', { type: 'DateTime', nullable: true }),
      consecutiveFailures: t.exposeInt('consecutiveFailures'),
      previousSecretUntil: t.expose('previousSecretUntil', { type: 'DateTime', nullable: true }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
      secret: t.string({
        nullable: true,
        description: 'The signing secret: only in the answers of create and rotate',
        resolve: (e) => ('secret' in e ? e.secret : null),
      }),
    }),
  });
  const Create = builder.inputType('CreateWebhookEndpointInput', {
    fields: (t) => ({
      url: t.string({ required: true }),
      description: t.string(),
      eventTypes: t.stringList({ required: true }),
      headers: t.field({ type: 'JSON', description: 'Custom headers, name → value' }),
      active: t.boolean(),
    }),
  });
  const Update = builder.inputType('UpdateWebhookEndpointInput', {
    fields: (t) => ({
      url: t.string(),
      description: t.string({ description: 'An empty text removes it' }),
      eventTypes: t.stringList(),
      headers: t.field({ type: 'JSON', description: 'Replaces the custom headers' }),
      active: t.boolean({ description: 'true also clears the failures of a disabled endpoint' }),
    }),
  });
  return { Endpoint, Create, Update, Connection: connectionType(builder, 'WebhookEndpointConnection', Endpoint) };
};

const addDeliveryTypes = (builder: GraphQLBuilder) => {
  const Attempt = builder.objectRef<WebhookAttempt>('WebhookAttempt').implement({
    fields: (t) => ({
      id: t.exposeID('id'),
      at: t.expose('at', { type: 'DateTime' }),
      outcome: t.exposeString('outcome', { description: 'delivered, gone, failed or refused (by the address guard)' }),
      statusCode: t.exposeInt('statusCode', { nullable: true }),
      durationMs: t.exposeInt('durationMs'),
      requestHeaders: t.field({ type: 'JSON', resolve: (a) => a.requestHeaders }),
      responseExcerpt: t.exposeString('responseExcerpt', { nullable: true }),
      error: t.exposeString('error', { nullable: true }),
    }),
  });
  const Delivery = builder.objectRef<WebhookDelivery | WebhookDeliveryDetail>('WebhookDelivery').implement({
    description: 'One event (or test message) to one endpoint, with its attempts',
    fields: (t) => ({
      id: t.exposeID('id'),
      endpointId: t.exposeID('endpointId'),
      messageId: t.exposeString('messageId', { description: 'webhook-id: the same on every attempt' }),
      eventId: t.exposeID('eventId', { nullable: true }),
      eventType: t.exposeString('eventType'),
      status: t.exposeString('status', { description: 'pending, delivered, failed or cancelled' }),
      attempts: t.exposeInt('attempts'),
      nextAttemptAt: t.expose('nextAttemptAt', { type: 'DateTime', nullable: true }),
      lastStatus: t.exposeInt('lastStatus', { nullable: true }),
      lastOutcome: t.exposeString('lastOutcome', { nullable: true }),
      createdAt: t.expose('createdAt', { type: 'DateTime' }),
      deliveredAt: t.expose('deliveredAt', { type: 'DateTime', nullable: true }),
      payload: t.string({
        nullable: true,
        description: 'The body as signed (one delivery only)',
        resolve: (d) => ('payload' in d ? d.payload : null),
      }),
      attemptLog: t.field({ type: [Attempt], nullable: true, resolve: (d) => ('attemptLog' in d ? d.attemptLog : null) }),
    }),
  });
  return { Delivery, Deliveries: connectionType(builder, 'WebhookDeliveryConnection', Delivery) };
};

type Types = ReturnType<typeof addEndpointTypes> & ReturnType<typeof addDeliveryTypes>;

const addQueries = (builder: GraphQLBuilder, types: Types) => {
  builder.queryField('webhookEndpoints', (t) =>
    t.field({
      type: types.Connection,
      authScopes: read,
      args: { first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => listEndpoints(contextOf(ctx), pageOf(args)),
    }),
  );
  builder.queryField('webhookEndpoint', (t) =>
    t.field({
      type: types.Endpoint,
      authScopes: read,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, args, ctx) => getEndpoint(contextOf(ctx), String(args.id)),
    }),
  );
  builder.queryField('webhookDeliveries', (t) =>
    t.field({
      type: types.Deliveries,
      authScopes: read,
      args: { endpointId: t.arg.id({ required: true }), first: t.arg.int(), after: t.arg.string() },
      resolve: (_root, args, ctx) => listDeliveries(contextOf(ctx), String(args.endpointId), pageOf(args)),
    }),
  );
  builder.queryField('webhookEventTypes', (t) =>
    t.stringList({
      authScopes: read,
      description: 'Every event type of the deployment an endpoint may subscribe to (also as a prefix.* or *)',
      resolve: (_root, _args, ctx) => [...contextOf(ctx).eventTypes],
    }),
  );
  builder.queryField('webhookDelivery', (t) =>
    t.field({
      type: types.Delivery,
      authScopes: read,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, args, ctx) => getDelivery(contextOf(ctx), String(args.id)),
    }),
  );
};

const addMutations = (builder: GraphQLBuilder, types: Types) => {
  builder.mutationField('createWebhookEndpoint', (t) =>
    t.field({
      type: types.Endpoint,
      authScopes: manage,
      args: { input: t.arg({ type: types.Create, required: true }) },
      resolve: (_root, args, ctx) => createEndpoint(contextOf(ctx), inputOf<CreateEndpointInput>(args.input)),
    }),
  );
  builder.mutationField('updateWebhookEndpoint', (t) =>
    t.field({
      type: types.Endpoint,
      authScopes: manage,
      args: { id: t.arg.id({ required: true }), input: t.arg({ type: types.Update, required: true }) },
      resolve: (_root, args, ctx) => updateEndpoint(contextOf(ctx), String(args.id), inputOf<UpdateEndpointInput>(args.input)),
    }),
  );
  builder.mutationField('deleteWebhookEndpoint', (t) =>
    t.field({
      type: 'Boolean',
      authScopes: manage,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, ctx) => {
        await deleteEndpoint(contextOf(ctx), String(args.id));
        return true;
      },
    }),
  );
  builder.mutationField('rotateWebhookSecret', (t) =>
    t.field({
      type: types.Endpoint,
      authScopes: manage,
      args: { id: t.arg.id({ required: true }), keepPreviousForSeconds: t.arg.int() },
      resolve: (_root, args, ctx) =>
        rotateSecret(contextOf(ctx), String(args.id), inputOf({ keepPreviousForSeconds: args.keepPreviousForSeconds })),
    }),
  );
  builder.mutationField('testWebhookEndpoint', (t) =>
    t.field({
      type: types.Delivery,
      authScopes: manage,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, args, ctx) => sendTest(contextOf(ctx), String(args.id)),
    }),
  );
  builder.mutationField('redeliverWebhook', (t) =>
    t.field({
      type: types.Delivery,
      authScopes: manage,
      args: { id: t.arg.id({ required: true }) },
      resolve: (_r, args, ctx) => redeliver(contextOf(ctx), String(args.id)),
    }),
  );
};

/** Webhooks over GraphQL: the operations of the REST routes, over the same use-cases and permissions. */
export const webhooksGraphQL = (builder: GraphQLBuilder): void => {
  const types = { ...addEndpointTypes(builder), ...addDeliveryTypes(builder) };
  addQueries(builder, types);
  addMutations(builder, types);
};
