/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import { Id } from '@rustok/kernel';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type { EventBus } from './bus.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's event bus, decorated by the server before module routes are mounted. */
    events: EventBus;
  }
}

const TypeCounts = Type.Object({
  type: Type.String(),
  published: Type.Integer(),
  pending: Type.Integer(),
  dispatched: Type.Integer(),
  retrying: Type.Integer(),
  dead: Type.Integer(),
});
/** The outbox's figures as the admin REST, GraphQL and the `event_stats` MCP tool answer them. */
export const EventStats = Type.Object({
  transport: Type.String(),
  reliabilityLevel: Type.String(),
  backlog: Type.Integer(),
  oldestPendingAgeSeconds: Type.Union([Type.Number(), Type.Null()]),
  deadLetters: Type.Integer(),
  byType: Type.Array(TypeCounts),
});
const DeadLetter = Type.Object({
  id: Id(),
  tenantId: Id(),
  type: Type.String(),
  attempts: Type.Integer(),
  lastError: Type.String(),
  failedConsumers: Type.Array(Type.String()),
  deadAt: Type.String({ format: 'date-time' }),
  envelope: Type.Record(Type.String(), Type.Unknown()),
});
const problem = { $ref: 'Problem#' };

/** Admin REST of the event system: stats, dead letters, replay. */
export const eventAdminRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['events'];
  // Platform routes: they show every tenant's events, so no tenant is resolved and only a
  // platform administrator holds the permissions.
  const read = { access: { permission: 'events.admin.read', tenant: false } };
  app.get(
    '/admin/events/stats',
    { config: read, schema: { tags, summary: 'Outbox backlog and counts per event type', response: { 200: EventStats } } },
    async () => app.events.stats(),
  );
  app.get<{ Querystring: { limit: number; cursor?: string } }>(
    '/admin/events/dlq',
    {
      config: read,
      schema: {
        tags,
        summary: 'Dead letters waiting for replay',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }), cursor: Type.Optional(Id()) }),
        response: { 200: Type.Object({ items: Type.Array(DeadLetter), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => app.events.listDeadLetters(request.query.limit, request.query.cursor),
  );
  app.post<{ Params: { id: string } }>(
    '/admin/events/dlq/:id/replay',
    {
      config: { access: { permission: 'events.admin.replay', tenant: false } },
      schema: {
        tags,
        summary: 'Deliver a dead letter again, now',
        params: Type.Object({ id: Id() }),
        response: { 200: Type.Object({ id: Id(), type: Type.String(), replayed: Type.Boolean() }), 404: problem, 409: problem },
      },
    },
    async (request) => ({ ...(await app.events.replayDeadLetter(request.params.id)), replayed: true }),
  );
};
