/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import { Id } from '@rustok/kernel';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { grantablePermissions } from './access-token-grantable.js';
import { ACCESS_TOKENS_CREATE, createAccessToken, listAccessTokens, revokeAccessToken } from './access-tokens.js';
import { contextOf } from './request-context.js';
import { problemRef } from './schemas.js';

const McpMode = Type.Union([Type.Literal('direct'), Type.Literal('catalog')]);
export const AccessTokenSchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the secret' }),
  permissions: Type.Array(Type.String()),
  readOnly: Type.Boolean({ description: 'Every permission is a read-only one (action read, read_own or view)' }),
  mcpMode: McpMode,
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export const CreatedAccessTokenSchema = Type.Intersect([
  AccessTokenSchema,
  Type.Object({ token: Type.String({ description: 'The secret (Authorization: Bearer <token>): shown this once only' }) }),
]);
export const NewAccessToken = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    permissions: Type.Array(Type.String({ maxLength: 128 }), { minItems: 1, maxItems: 200 }),
    mcpMode: Type.Optional(McpMode),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
const GrantableSchema = Type.Object({
  permissions: Type.Array(Type.Object({ name: Type.String(), readOnly: Type.Boolean() })),
  readOnlyPreset: Type.Array(Type.String()),
});
const Page = Type.Object({ items: Type.Array(AccessTokenSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) });
const ListQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Id()),
  all: Type.Optional(Type.Boolean({ description: "Every user's tokens (needs auth.access_tokens.manage)" })),
});

const problem = problemRef;
const tags = ['access tokens'];
const create = { access: { permission: ACCESS_TOKENS_CREATE } };

/** Personal access tokens of the tenant's staff: create (the secret shown once), list, revoke. */
export const accessTokenRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/auth/access-tokens',
    {
      config: create,
      schema: {
        tags,
        summary: "The caller's personal access tokens, newest first (with all=true: everyone's, for auth.access_tokens.manage)",
        querystring: ListQuery,
        response: { 200: Page, 403: problem },
      },
    },
    async (request) => listAccessTokens(contextOf(request), request.principal, request.query),
  );
  app.post<{ Body: Static<typeof NewAccessToken> }>(
    '/auth/access-tokens',
    {
      config: create,
      schema: {
        tags,
        summary:
          'Create a personal access token: permissions among your own, an optional expiry, the MCP exposure mode. The secret is in this answer only',
        body: NewAccessToken,
        response: { 201: CreatedAccessTokenSchema, 403: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createAccessToken(contextOf(request), request.principal, request.body)),
  );
  app.get(
    '/auth/access-tokens/permissions',
    {
      config: create,
      schema: {
        tags,
        summary:
          'The permissions the caller can give a token (catalogue permissions they hold), each marked read-only or not, and the read-only preset',
        response: { 200: GrantableSchema },
      },
    },
    async (request) => grantablePermissions(contextOf(request), request.principal),
  );
  app.post<{ Params: { id: string } }>(
    '/auth/access-tokens/:id/revoke',
    {
      config: create,
      schema: {
        tags,
        summary: "Revoke a token (your own; anyone's with auth.access_tokens.manage). It answers 401 AUTH_TOKEN_REVOKED from now on",
        params: Type.Object({ id: Id() }),
        response: { 200: AccessTokenSchema, 404: problem },
      },
    },
    async (request) => revokeAccessToken(contextOf(request), request.principal, request.params.id),
  );
};
