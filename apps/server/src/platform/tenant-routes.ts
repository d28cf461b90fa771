/// <reference types="@fastify/swagger" />
import type {} from '@rustok/api';
import type {} from '@rustok/events';
import { Id } from '@rustok/kernel';
import { listTenants, TenantSettingsSchema } from '@rustok/tenancy';
import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import type {} from './fastify-types.js';
import { createTenantWithOwner, findTenant, platformContextOf, updateTenant } from './tenants.js';

const Tenant = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  isActive: Type.Boolean(),
  settings: Type.Record(Type.String(), Type.Unknown()),
  domains: Type.Array(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const CreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    slug: Type.String({ minLength: 1, maxLength: 64 }),
    owner: Type.Object({
      email: Type.String({ maxLength: 254 }),
      password: Type.String({ maxLength: 128 }),
      name: Type.Optional(Type.String({ maxLength: 200 })),
    }),
    settings: Type.Optional(TenantSettingsSchema),
  },
  { additionalProperties: false },
);
export const PatchBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    isActive: Type.Optional(Type.Boolean()),
    settings: Type.Optional(TenantSettingsSchema),
    domains: Type.Optional(Type.Array(Type.String({ maxLength: 253 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
const problem = { $ref: 'Problem#' };
const tags = ['platform'];
const manage = { access: { permission: 'platform.tenants.manage', tenant: false } };

/** Platform administration of tenants (super_admin): create with an owner, list, read, change, deactivate. */
export const tenantRoutes: FastifyPluginAsync = async (app) => {
  app.post<{ Body: Static<typeof CreateBody> }>(
    '/platform/tenants',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a tenant and its owner (role admin)',
        body: CreateBody,
        response: { 201: Type.Object({ tenant: Tenant, owner: Type.Record(Type.String(), Type.Unknown()) }), 409: problem, 422: problem },
      },
    },
    async (request, reply) => reply.status(201).send(await createTenantWithOwner(platformContextOf(app), request.body)),
  );
  app.get<{ Querystring: { limit: number; cursor?: string } }>(
    '/platform/tenants',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Every tenant',
        querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }), cursor: Type.Optional(Id()) }),
        response: { 200: Type.Object({ items: Type.Array(Tenant), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
      },
    },
    async (request) => listTenants(app.rustok.db, request.query.limit, request.query.cursor),
  );
  app.get<{ Params: { id: string } }>(
    '/platform/tenants/:id',
    { config: manage, schema: { tags, summary: 'One tenant', params: Type.Object({ id: Id() }), response: { 200: Tenant, 404: problem } } },
    async (request) => findTenant(platformContextOf(app), request.params.id),
  );
  app.patch<{ Params: { id: string }; Body: Static<typeof PatchBody> }>(
    '/platform/tenants/:id',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Change a tenant (e.g. { isActive: false })',
        params: Type.Object({ id: Id() }),
        body: PatchBody,
        response: { 200: Tenant, 404: problem, 409: problem, 422: problem },
      },
    },
    async (request) => updateTenant(platformContextOf(app), request.params.id, request.body),
  );
};
