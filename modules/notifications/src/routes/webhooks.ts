/// <reference types="@fastify/swagger" />
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { notificationsContextOf as contextOf } from '../context.js';
import {
  CreateEndpointInput,
  DeliveryList,
  EndpointList,
  PageQuery,
  RotateSecretInput,
  UpdateEndpointInput,
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

const IdParams = Type.Object({ id: Id() });
type IdParams = Static<typeof IdParams>;
const problem = { $ref: 'Problem#' } as const;
const tags = ['notifications'];
const READ = { access: { permission: 'notifications.webhooks.read' } };
const MANAGE = { access: { permission: 'notifications.webhooks.manage' } };
const BASE = '/notifications/webhooks';

/** Endpoints: list, create, read, change, delete (notifications.webhooks.read / .manage). */
const endpointRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: PageQuery }>(
    BASE,
    {
      config: READ,
      schema: { tags, summary: "The tenant's webhook endpoints, newest first", querystring: PageQuery, response: { 200: EndpointList } },
    },
    async (request) => listEndpoints(contextOf(request), request.query),
  );
  app.post<{ Body: CreateEndpointInput }>(
    BASE,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Create a webhook endpoint; its signing secret is in this answer only',
        body: CreateEndpointInput,
        response: { 201: WebhookEndpointWithSecret, 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createEndpoint(contextOf(request), request.body)),
  );
  app.get<{ Params: IdParams }>(
    `${BASE}/:id`,
    { config: READ, schema: { tags, summary: 'One webhook endpoint', params: IdParams, response: { 200: WebhookEndpoint, 404: problem } } },
    async (request) => getEndpoint(contextOf(request), request.params.id),
  );
  app.patch<{ Params: IdParams; Body: UpdateEndpointInput }>(
    `${BASE}/:id`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Change an endpoint (URL, event types, headers, description, active)',
        params: IdParams,
        body: UpdateEndpointInput,
        response: { 200: WebhookEndpoint, 404: problem, 422: problem },
      },
    },
    async (request) => updateEndpoint(contextOf(request), request.params.id, request.body),
  );
  app.delete<{ Params: IdParams }>(
    `${BASE}/:id`,
    {
      config: MANAGE,
      schema: { tags, summary: 'Delete an endpoint and its delivery log', params: IdParams, response: { 204: Type.Null(), 404: problem } },
    },
    async (request, reply) => {
      await deleteEndpoint(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
};

/** Secret rotation, test sends, the delivery log and redelivery. */
const deliveryRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Params: IdParams; Body: RotateSecretInput | undefined }>(
    `${BASE}/:id/rotate-secret`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'A new signing secret (in this answer only); the old one keeps signing beside it for a while',
        params: IdParams,
        body: Type.Optional(RotateSecretInput),
        response: { 200: WebhookEndpointWithSecret, 404: problem },
      },
    },
    async (request) => rotateSecret(contextOf(request), request.params.id, request.body ?? {}),
  );
  app.post<{ Params: IdParams }>(
    `${BASE}/:id/test`,
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Send a test message to the endpoint now',
        params: IdParams,
        response: { 202: WebhookDelivery, 404: problem },
      },
    },
    async (request, reply) => reply.status(202).send(await sendTest(contextOf(request), request.params.id)),
  );
  app.get<{ Params: IdParams; Querystring: PageQuery }>(
    `${BASE}/:id/deliveries`,
    {
      config: READ,
      schema: {
        tags,
        summary: "The endpoint's deliveries, newest first",
        params: IdParams,
        querystring: PageQuery,
        response: { 200: DeliveryList, 404: problem },
      },
    },
    async (request) => listDeliveries(contextOf(request), request.params.id, request.query),
  );
  app.get<{ Params: IdParams }>(
    '/notifications/webhook-deliveries/:id',
    {
      config: READ,
      schema: {
        tags,
        summary: 'One delivery: the body as signed and every attempt',
        params: IdParams,
        response: { 200: WebhookDeliveryDetail, 404: problem },
      },
    },
    async (request) => getDelivery(contextOf(request), request.params.id),
  );
  app.post<{ Params: IdParams }>(
    '/notifications/webhook-deliveries/:id/redeliver',
    {
      config: MANAGE,
      schema: {
        tags,
        summary: 'Send the same message again now (same webhook-id)',
        params: IdParams,
        response: { 202: WebhookDelivery, 404: problem },
      },
    },
    async (request, reply) => reply.status(202).send(await redeliver(contextOf(request), request.params.id)),
  );
};

/** Webhook endpoints and their delivery log under /notifications. */
export const webhookRoutes: FastifyPluginAsync = async (app) => {
  await endpointRoutes(app, {});
  await deliveryRoutes(app, {});
};
