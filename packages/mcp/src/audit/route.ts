/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import { Id, kernelErrors, Nullable, Timestamp } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { auditWriterOf } from './batch.js';
import { listAudit } from './store.js';

const AuditQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
    cursor: Type.Optional(Id()),
    tool: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9_]{0,63}$' })),
  },
  { additionalProperties: false },
);

const AuditItem = Type.Object({
  id: Id(),
  actorId: Nullable(Id()),
  tokenId: Nullable(Id({ description: 'The personal access token the call was made with' })),
  surface: Type.Union([Type.Literal('shop'), Type.Literal('admin')]),
  clientName: Nullable(Type.String()),
  tool: Type.String(),
  argumentsSha256: Type.String({ description: 'SHA-256 (hex) of the arguments as sent, in canonical JSON' }),
  outcome: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  errorCode: Nullable(Type.String()),
  durationMs: Type.Integer(),
  createdAt: Timestamp(),
});

const problem = { $ref: 'Problem#' } as const;

/** `GET /api/v1/mcp/audit`: the tenant's MCP tool calls, newest first (mcp.audit.view). */
export const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: Static<typeof AuditQuery> }>(
    '/mcp/audit',
    {
      config: { access: { permission: 'mcp.audit.view' } },
      schema: {
        tags: ['mcp'],
        summary: 'MCP tool calls of the tenant, newest first: actor, client, tool, argument hash, outcome, duration',
        querystring: AuditQuery,
        response: {
          200: Type.Object({ items: Type.Array(AuditItem), nextCursor: Nullable(Type.String()) }),
          401: problem,
          403: problem,
          422: problem,
        },
      },
    },
    async (request) => {
      if (!request.tenant) throw kernelErrors.TENANT_REQUIRED('No tenant was resolved for this request');
      const { db } = request.server.rustok;
      // The rows of calls already answered may still be queued (batch.ts): written first, so they are listed.
      await auditWriterOf(db, request.server.log).flush();
      return listAudit(db, request.tenant.id, request.query);
    },
  );
};
