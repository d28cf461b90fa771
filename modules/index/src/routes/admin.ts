/// <reference types="@fastify/swagger" />
import { Nullable } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { INDEX_KINDS } from '../events.js';
import { LocaleString } from '../schemas.js';
import { requestRebuild } from '../use-cases/request-rebuild.js';
import { indexStatus } from '../use-cases/status.js';
import { problem, tenantOf } from './context.js';

const tags = ['index'];

const RebuildBody = Type.Object(
  {
    kinds: Type.Optional(Type.Array(Type.Union(INDEX_KINDS.map((k) => Type.Literal(k))), { minItems: 1, maxItems: 2, uniqueItems: true })),
    locale: Type.Optional(Nullable(LocaleString())),
  },
  { additionalProperties: false },
);
const RebuildReply = Type.Object({ eventId: Type.String(), kinds: Type.Array(Type.String()), locale: Nullable(Type.String()) });
const TableStatus = Type.Object({
  published: Type.Integer(),
  tombstones: Type.Integer(),
  lastIndexedAt: Nullable(Type.String()),
  lastEventAt: Nullable(Type.String()),
});
const StatusReply = Type.Object({
  products: TableStatus,
  content: TableStatus,
  rebuilds: Type.Array(
    Type.Object({
      kind: Type.String(),
      locale: Nullable(Type.String()),
      startedAt: Type.String(),
      processed: Type.Integer(),
      finishedAt: Nullable(Type.String()),
    }),
  ),
});

/** Operating the index of a tenant: ask for a rebuild (done by the index's consumer), see its state. */
export const adminRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: Static<typeof RebuildBody> }>(
    '/index/rebuild',
    {
      config: { access: { permission: 'index.rebuild.run' } },
      schema: {
        tags,
        summary: "Rebuild the tenant's storefront index (publishes index.reindex.requested; 202)",
        body: RebuildBody,
        response: { 202: RebuildReply, 422: problem },
      },
    },
    async (request, reply) => {
      const tenant = tenantOf(request.tenant);
      const result = await requestRebuild(request.server.rustok.db, request.server.events, tenant.id, request.body, {
        userId: request.principal?.userId ?? null,
        reason: 'admin',
      });
      return reply.status(202).send(result);
    },
  );
  app.get(
    '/index/status',
    {
      config: { access: { permission: 'index.status.read' } },
      schema: { tags, summary: 'Rows per read model, last writes and rebuild runs of the tenant', response: { 200: StatusReply } },
    },
    async (request) => indexStatus(request.server.rustok.db, tenantOf(request.tenant).id),
  );
};
